// Words a school's web address adds to its name: "kestrelfields-primary.org.uk" is Kestrel Fields.
const ADDRESS_WORDS = ['academy', 'primary', 'school', 'schools', 'sixthform', 'college', 'trust', 'infants', 'infant', 'junior', 'juniors', 'nursery', 'high', 'church', 'ce', 'cofe', 'rc'];

/** The organisation's own names, as letters and digits only, from its domains: "stchads-academy.org.uk" gives "stchads". */
export function ownNames(domains: readonly string[]): string[] {
  const names = new Set<string>();
  for (const domain of domains) {
    let name = domain.toLowerCase().split('.')[0].replace(/-/g, '');
    for (let trimmed = true; trimmed; ) {
      trimmed = false;
      for (const word of ADDRESS_WORDS) {
        if (name.length > word.length + 3 && name.endsWith(word)) {
          name = name.slice(0, -word.length);
          trimmed = true;
        }
      }
    }
    // "St Chad's" is written without its s as often as with it.
    if (name.length >= 6 && name.endsWith('s')) name = name.slice(0, -1);
    // Too short a name would be found inside other words.
    if (name.length >= 5) names.add(name);
  }
  return [...names];
}

/** Whether a passage names one of the organisation's own (as `ownNames` gives them). */
export function namesOwn(passage: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const letters = passage.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return names.some((name) => letters.includes(name));
}

