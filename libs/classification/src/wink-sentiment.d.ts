// Minimal typings for wink-sentiment@5 (the package ships none); only what we use.
declare module 'wink-sentiment' {
  interface WinkToken {
    value: string;
    tag: string;
    score?: number;
    negation?: boolean;
    grouped?: number;
  }
  interface WinkSentimentResult {
    score: number;
    normalizedScore: number;
    tokenizedPhrase?: WinkToken[];
  }
  function sentiment(phrase: string): WinkSentimentResult;
  export = sentiment;
}
