import { detectLanguage } from './language-detection';
import { REQUIRED_LANGUAGES, languageSamples, neighbourSamples } from './language/fixtures';
import { SOCIAL_POSTS } from './language/fixtures/social-posts';

describe('detectLanguage', () => {
  // Tweet-length posts, with the noise real posts carry (handles, links, hashtags, emoji).
  const samples: Array<[string, string]> = [
    ['en', '@acme my order still hasn’t arrived and it’s been two weeks 😡 https://t.co/abc'],
    ['ru', 'Почему приложение опять не работает после обновления? #fail'],
    ['th', 'สินค้ามาช้ามาก ไม่พอใจเลยครับ 😤'],
    ['tr', '@destek Siparişim hâlâ gelmedi, çok kötü bir hizmet'],
    ['fr', 'Je voudrais savoir combien coûte la livraison en Belgique'],
    ['es', 'Me encanta esta marca, siempre cumplen con todo 😍 #MiMarca'],
    ['ar', 'الخدمة سيئة جدا ولم يرد علي أحد'],
    ['ja', '注文した商品がまだ届きません。どうなっていますか？'],
    ['de', 'Die neue Version ist wirklich super, danke an das Team! https://example.com/x'],
    ['pt', 'Comprei ontem e o produto chegou quebrado, quero reembolso'],
    ['hi', 'मेरा ऑर्डर अभी तक नहीं आया है, कृपया मदद करें'],
    ['zh', '这个手机的电池太差了，一天要充三次电'],
    ['ko', '배송이 너무 늦어요. 언제 도착하나요?'],
  ];

  it.each(samples)('detects %s at tweet length', (code, text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('ignores an English hashtag and handle inside a Spanish post', () => {
    expect(detectLanguage('@BestShopEver #BlackFridayDeals no funciona la aplicación desde ayer').code).toBe('es');
  });

  it.each(['', '   ', '😍😍😍', 'https://t.co/xyz @someone #tag', '12345 678', 'ok', '?!'])(
    "returns 'und' with zero confidence for %j",
    (text) => {
      expect(detectLanguage(text)).toEqual({ code: 'und', confidence: 0 });
    },
  );

  it.each(['lol', 'yes', 'grazie', 'hmm'])("is unsure about the single word %j", (text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe('und');
    expect(result.confidence).toBeLessThan(0.4);
  });

  it('is less sure of a short phrase than of a full sentence', () => {
    const short = detectLanguage('not good');
    const long = detectLanguage('The delivery was late again and nobody answers the phone');
    expect(long.code).toBe('en');
    expect(short.confidence).toBeLessThan(long.confidence);
  });

  describe('on the labelled tweet-length fixture set', () => {
    const samples = languageSamples();
    const accuracy = new Map<string, number>();
    beforeAll(() => {
      for (const lang of REQUIRED_LANGUAGES) {
        const own = samples.filter((sample) => sample.lang === lang);
        const right = own.filter((sample) => detectLanguage(sample.text).code === lang).length;
        accuracy.set(lang, right / own.length);
      }
    });

    it.each([...REQUIRED_LANGUAGES])('reaches the accuracy target for %s', (lang) => {
      expect(samples.filter((sample) => sample.lang === lang).length).toBeGreaterThanOrEqual(45);
      expect(accuracy.get(lang)).toBeGreaterThanOrEqual(0.95);
    });

    it.each(['id', 'da'])('reaches the target on the %s posts kept out of tuning', (lang) => {
      const heldOut = samples.filter((sample) => sample.lang === lang && sample.source === 'held-out');
      expect(heldOut.length).toBeGreaterThanOrEqual(10);
      const right = heldOut.filter((sample) => detectLanguage(sample.text).code === lang).length;
      expect(right / heldOut.length).toBeGreaterThanOrEqual(0.9);
    });

    it.each(['no', 'ms'])('does not turn %s posts into their close neighbour', (lang) => {
      const posts = neighbourSamples().filter((sample) => sample.lang === lang);
      const right = posts.filter((sample) => detectLanguage(sample.text).code === lang).length;
      expect(right / posts.length).toBeGreaterThanOrEqual(0.8);
    });

    it.each([...REQUIRED_LANGUAGES])('detects at least 4 of the first 5 %s posts', (lang) => {
      const codes = SOCIAL_POSTS[lang].slice(0, 5).map((post) => detectLanguage(post).code);
      expect(codes.filter((code) => code === lang).length).toBeGreaterThanOrEqual(4);
    });
  });

  it.each([
    ['Η παραγγελία μου δεν έχει έρθει ακόμα', 'el'],
    ['Ես շատ գոհ եմ ձեր ծառայությունից', 'hy'],
    ['ჩემი შეკვეთა ჯერ არ მოსულა', 'ka'],
    ['என் ஆர்டர் இன்னும் வரவில்லை', 'ta'],
    ['আমার অর্ডার এখনও আসেনি, খুব খারাপ পরিষেবা', 'bn'],
    ['Mi pedido aún no ha llegado y nadie contesta', 'es'],
  ])('covers languages beyond the required ones: %s', (text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  it('gives one plausible answer for mixed-language text', () => {
    const result = detectLanguage('I love Paris mais le service est vraiment nul aujourd’hui');
    expect(['en', 'fr']).toContain(result.code);
    const cjk = detectLanguage('今日のランチ最高 but the service was slow');
    expect(['ja', 'en']).toContain(cjk.code);
  });

  it.each([
    ['Kualitasnya jelek, nyesel beli', 'id'],
    ['Pizzaen kom kold og for sent 🍕', 'da'],
    ['Pizzaen kom kald og for seint 🍕', 'no'],
    ['Boleh tak tukar saiz kat kedai?', 'ms'],
  ])('tells close languages apart by their words: %s', (text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  it('returns for a 20,000-character input without throwing', () => {
    const long = 'Die Lieferung kam wieder zu spät 😡 #fail https://t.co/x '.repeat(400);
    expect(long.length).toBeGreaterThanOrEqual(20_000);
    expect(detectLanguage(long).code).toBe('de');
    expect(detectLanguage('ж'.repeat(20_000)).code).toEqual(expect.any(String));
  });
});
