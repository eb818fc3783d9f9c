// natural's per-file modules ship without typings; we import only these deep paths (never the
// package root, which loads database drivers and prints to stdout through dotenv).
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string; tokenizeAndStem(text: string, keepStops?: boolean): string[] };
  export = PorterStemmer;
}
declare module 'natural/lib/natural/tokenizers/regexp_tokenizer' {
  export class WordTokenizer { constructor(options?: object); tokenize(text: string): string[] }
  export class WordPunctTokenizer { constructor(options?: object); tokenize(text: string): string[] }
  export class RegexpTokenizer { constructor(options?: { pattern?: RegExp; gaps?: boolean; discardEmpty?: boolean }); tokenize(text: string): string[] }
}
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(observation: string | string[]): string;
    getClassifications(observation: string | string[]): { label: string; value: number }[];
    static restore(classifier: object, stemmer?: unknown): BayesClassifier;
    classifier: unknown;
    docs: unknown[];
    features: Record<string, number>;
  }
  export = BayesClassifier;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean; dj?: number }): number;
  export = JaroWinklerDistance;
}
declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function LevenshteinDistance(s1: string, s2: string, options?: object): number;
  export function DamerauLevenshteinDistance(s1: string, s2: string, options?: object): number;
}
declare module 'natural/lib/natural/ngrams/ngrams' {
  export function bigrams(sequence: string | string[]): string[][];
  export function ngrams(sequence: string | string[], n: number): string[][];
}
