import { countLetters, MAX_ANALYSED_CHARS, textForLanguageDetection, textForRules, truncateForAnalysis } from './text-cleaning';

describe('text cleaning', () => {
  const post = '@acme_support your app is down again 😡👎🏽 #fail https://t.co/AbC123 see www.example.com';

  it('removes links, handles, hashtags and emoji for language detection', () => {
    expect(textForLanguageDetection(post)).toBe('your app is down again see');
  });

  it('keeps hashtag words (without #) for the rules', () => {
    expect(textForRules(post)).toBe('your app is down again 😡👎🏽 fail see');
  });

  it('leaves e-mail addresses alone (not a handle)', () => {
    expect(textForRules('write to help@acme.com')).toBe('write to help@acme.com');
  });

  it('handles non-Latin hashtags and handles', () => {
    expect(textForLanguageDetection('@магазин #отзыв всё сломалось')).toBe('всё сломалось');
  });

  it('counts letters of any script, not digits or symbols', () => {
    expect(countLetters('abc 123 ไทย 日本 !!')).toBe(8); // ไทย is 3 letters, 日本 2
  });

  it('truncates oversized input', () => {
    expect(truncateForAnalysis('x'.repeat(MAX_ANALYSED_CHARS + 10))).toHaveLength(MAX_ANALYSED_CHARS);
  });
});
