import { detectLanguage } from './language-detection';

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
});
