// The `stopword` package (MIT) ships no types; only the two lists the comment themes use.
declare module 'stopword' {
  /** Indonesian stopwords. */
  export const ind: string[];
  /** English stopwords. */
  export const eng: string[];
}
