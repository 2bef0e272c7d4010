import { variedTexts } from './fixtures/varied-texts';
import { normaliseArabic, scoreSentiment } from './sentiment-scoring';

describe('scoreSentiment', () => {
  describe('English (wink-sentiment) with negation', () => {
    it('"not good" is negative', () => {
      expect(scoreSentiment('not good', 'en').label).toBe('negative');
    });

    it('"not bad" is not negative', () => {
      expect(scoreSentiment('not bad', 'en').label).not.toBe('negative');
      expect(scoreSentiment('honestly the food was not bad at all', 'en').label).not.toBe('negative');
    });

    it("\"I don't like it\" is negative, \"I like it\" positive", () => {
      expect(scoreSentiment("I don't like it", 'en').label).toBe('negative');
      expect(scoreSentiment('I like it', 'en').label).toBe('positive');
    });

    it('a text without opinion words is neutral with score 0', () => {
      expect(scoreSentiment('My order number is 12345', 'en')).toEqual({ label: 'neutral', score: 0 });
    });
  });

  describe('emoji valence, whatever the language', () => {
    it.each(['en', 'und', 'ru', 'ja', 'nl'])('"😡😡" is negative (%s)', (code) => {
      expect(scoreSentiment('😡😡', code).label).toBe('negative');
    });

    it.each(['en', 'und', 'th'])('"😍" is positive (%s)', (code) => {
      expect(scoreSentiment('😍', code).label).toBe('positive');
    });

    it('handles emoji with variation selectors and skin tones', () => {
      expect(scoreSentiment('❤️❤️', 'und').label).toBe('positive');
      expect(scoreSentiment('👎🏽', 'und').label).toBe('negative');
    });

    it('an angry emoji outweighs a mild word', () => {
      expect(scoreSentiment('ok whatever 🤬🤬', 'en').label).toBe('negative');
    });
  });

  describe('hand-built lexicons', () => {
    it.each([
      ['ru', 'Отличный сервис, всем рекомендую', 'positive'],
      ['ru', 'Ужасное обслуживание', 'negative'],
      ['ru', 'Приложение не работает', 'negative'],
      ['fr', "C'est nul, je suis déçu", 'negative'],
      ['fr', "Ce n'est pas bon", 'negative'],
      ['fr', "C'est pas mal du tout", 'positive'],
      ['es', 'Excelente atención, muy amables', 'positive'],
      ['es', 'No es bueno', 'negative'],
      ['de', 'Die App funktioniert seit dem Update nicht mehr', 'negative'],
      ['de', 'Das ist nicht gut', 'negative'],
      ['tr', 'Ürün çok güzel, teşekkürler', 'positive'],
      ['tr', 'Hizmet iyi değil', 'negative'],
      ['tr', 'Rezalet bir kargo', 'negative'],
      ['pt', 'Péssimo atendimento', 'negative'],
      ['pt', 'Não é bom', 'negative'],
      ['it', 'Servizio ottimo, grazie', 'positive'],
      ['it', 'Non è buono', 'negative'],
      ['ar', 'خدمة ممتازة', 'positive'],
      ['ar', 'الخدمة سيئة جدا', 'negative'],
      ['ar', 'المنتج ليس جيدا', 'negative'],
      ['ja', '最高です！', 'positive'],
      ['ja', '最悪の対応でした', 'negative'],
      ['ja', 'あまり良くないです', 'negative'],
      ['th', 'ของดีมาก', 'positive'],
      ['th', 'ไม่ดีเลย', 'negative'],
      ['zh', '不喜欢这个颜色', 'negative'],
      ['zh', '服务很好', 'positive'],
      ['ko', '정말 좋아요', 'positive'],
      ['ko', '좋지 않아요', 'negative'],
      ['hi', 'यह अच्छा नहीं है', 'negative'],
    ])('%s: %j is %s', (code, text, expected) => {
      expect(scoreSentiment(text, code).label).toBe(expected);
    });

    it('Thai "เสียง" (sound) is not read as "เสีย" (broken)', () => {
      expect(scoreSentiment('เสียงเพลงเพราะ', 'th').label).not.toBe('negative');
    });

    it('does not run the English lexicon on German ("die" is an article)', () => {
      expect(scoreSentiment('Die Lieferung kommt morgen', 'de').label).toBe('neutral');
    });

    it('keeps the score within -1..1 for piles of strong words', () => {
      const { score } = scoreSentiment('worst worst worst awful terrible horrible 😡😡😡🤬', 'en');
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThan(-0.5);
    });
  });
  describe('languages without a lexicon', () => {
    it.each([
      ['is', 'Þetta er mjög gott og fallegt veður í dag'],
      ['sw', 'Huduma yenu ni nzuri sana, asante'],
      ['nl', 'De service was prima'],
    ])('%s text without emoji is unsupported, score 0 (not a guess)', (code, text) => {
      expect(scoreSentiment(text, code)).toEqual({ label: 'unsupported', score: 0 });
    });

    it('emoji still decide there: clearly positive or negative emoji give that label', () => {
      expect(scoreSentiment('Huduma mbaya 😡😡', 'sw').label).toBe('negative');
      expect(scoreSentiment('Asante sana 😍🙏', 'sw').label).toBe('positive');
    });

    it('undetermined text stays neutral rather than unsupported', () => {
      expect(scoreSentiment('', 'und')).toEqual({ label: 'neutral', score: 0 });
    });
  });

  describe('negation across languages', () => {
    it.each([
      ['en', 'not good', 'negative'],
      ['ru', 'не плохо', 'positive'],
      ['ru', 'не хорошо', 'negative'],
      ['fr', 'pas mal', 'positive'],
      ['es', 'no está mal', 'positive'],
    ])('%s: %j is %s', (code, text, expected) => {
      expect(scoreSentiment(text, code).label).toBe(expected);
    });
  });

  describe('English supplement (words AFINN lacks) and phrases', () => {
    it.each([
      ['The food was bland and overpriced', 'negative'],
      ['Delivery was slow', 'negative'],
      ['Delivery was not slow at all', 'positive'],
      ['Stopped working after two days', 'negative'],
      ["We won't be back", 'negative'],
      ['Delicious and affordable', 'positive'],
    ])('%j is %s', (text, expected) => {
      expect(scoreSentiment(text, 'en').label).toBe(expected);
    });
  });

  describe('extended (machine-translated) lexicons', () => {
    it('catch words outside the hand-built list', () => {
      expect(scoreSentiment('Это безобразие', 'ru').label).toBe('negative');
      expect(scoreSentiment('Quelle déception', 'fr').label).toBe('negative');
    });
  });
});

describe('normaliseArabic (skips tokens it would not change)', () => {
  /** The four replaces it always ran before the fast path. */
  const reference = (token: string) =>
    token.replace(/[\u064B-\u065F\u0670\u0640]/gu, '').replace(/[أإآ]/gu, 'ا').replace(/ة/gu, 'ه').replace(/ى/gu, 'ي');

  it('gives the reference result for every BMP character, alone and inside an Arabic word', () => {
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const char = String.fromCharCode(c);
      if (normaliseArabic(char) !== reference(char) || normaliseArabic(`كت${char}ب`) !== reference(`كت${char}ب`)) differing.push(c);
    }
    expect(differing).toEqual([]);
  });

  it('gives the reference result on multilingual tokens', () => {
    const tokens = variedTexts(1_000).flatMap((text) => text.split(/\s+/u));
    expect(tokens.filter((token) => normaliseArabic(token) !== reference(token))).toEqual([]);
    expect(normaliseArabic('الخدمةُ ممتازة')).toBe('الخدمه ممتازه');
  });
});
