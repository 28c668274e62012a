// natural's submodules, imported one by one (its index loads everything, dotenv included).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porter: { stem(word: string): string };
  export default porter;
}
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  export default class DoubleMetaphone {
    process(word: string): [string, string];
  }
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function jaroWinkler(a: string, b: string): number;
}
