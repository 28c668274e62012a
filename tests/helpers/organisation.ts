/** An example organisation's own details, as a config's `official` would give them. */
export const EXAMPLE_ORGANISATION = {
  domains: ['brookfield-academy.org.uk', 'merciantrust.org.uk'],
  phones: ['0116 496 0000'],
  addresses: ['Brookfield Academy, 1 School Lane, Anstey, Leicester LE7 7AB'],
  handles: ['@BrookfieldAcad'],
};
