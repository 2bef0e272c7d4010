import { extractEntities } from './extract-entities';

describe('extractEntities', () => {
  it('finds hashtags (CJK too), handles, URLs and cashtags', () => {
    const e = extractEntities('@acme @Bob_2 #help #東京 #café $aapl https://t.co/x1 and www.example.com/a');
    expect(e.mentions).toEqual(['acme', 'Bob_2']);
    expect(e.hashtags).toEqual(['help', '東京', 'café']);
    expect(e.cashtags).toEqual(['AAPL']);
    expect(e.urls).toEqual(['https://t.co/x1', 'www.example.com/a']);
    expect(e.containsPersonalData).toBe(false);
  });

  it('finds e-mail addresses without taking them for handles, and flags personal data', () => {
    const e = extractEntities('write to jane.doe+cx@example.co.uk please');
    expect(e.emails).toEqual(['jane.doe+cx@example.co.uk']);
    expect(e.mentions).toEqual([]);
    expect(e.containsPersonalData).toBe(true);
  });

  it.each([
    '+44 20 7946 0958', '(555) 123-4567', '+1-202-555-0143', '8 (912) 345-67-89', '+81 3-1234-5678',
    '+55 11 91234-5678', '0612345678', '+91 98765 43210', '+7 912 345 67 89',
  ])('finds the phone number %s', (phone) => {
    const e = extractEntities(`call me on ${phone} tomorrow`);
    expect(e.phones).toEqual([phone]);
    expect(e.containsPersonalData).toBe(true);
  });

  it.each([
    'order #12345678 is late', 'it costs $1299.99', 'since 2024-01-15', 'version 10.2.3.4', 'code 1234567', 'on 15/01/2024',
  ])('does not take "%s" for a phone number', (text) => {
    expect(extractEntities(text).phones).toEqual([]);
  });

  it('handles empty and huge input', () => {
    expect(extractEntities('')).toEqual({ hashtags: [], mentions: [], urls: [], cashtags: [], emails: [], phones: [], containsPersonalData: false });
    const started = Date.now();
    extractEntities('#tag @user 555-123-4567 '.repeat(1000));
    expect(Date.now() - started).toBeLessThan(200);
  });
});
