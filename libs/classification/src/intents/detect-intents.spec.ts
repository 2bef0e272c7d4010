import { extractEntities } from '../entities/extract-entities';
import { detectLanguage } from '../language-detection';
import { scoreSentiment } from '../sentiment-scoring';
import { textForRules } from '../text-cleaning';
import { detectIntents } from './detect-intents';

function intentsOf(text: string, code?: string) {
  const language = code ?? detectLanguage(text).code;
  const rules = textForRules(text);
  return detectIntents(text, rules, scoreSentiment(rules, language), language, extractEntities(text));
}
const labels = (text: string, code?: string) => intentsOf(text, code).all.map((i) => i.label);

describe('detectIntents (multi-label)', () => {
  it.each([
    ['en', 'How do I reset my password?'],
    ['ru', 'Как сбросить пароль?'],
    ['fr', 'Comment réinitialiser mon mot de passe ?'],
    ['ja', 'パスワードはどうすればリセットできますか'],
  ])('question (%s)', (code, text) => expect(labels(text, code)).toContain('question'));

  it.each([
    ['en', 'The app is broken again, worst service'],
    ['es', 'No funciona, quiero un reembolso'],
    ['de', 'Funktioniert nicht, schlechter Service'],
    ['th', 'เครื่องเสียตั้งแต่วันแรก'],
  ])('complaint (%s)', (code, text) => expect(labels(text, code)).toContain('complaint'));

  it.each([
    ['en', 'Thanks, you guys rock!'],
    ['pt', 'Obrigado, atendimento excelente'],
    ['tr', 'Teşekkürler, harika hizmet'],
  ])('praise (%s)', (code, text) => expect(labels(text, code)).toContain('praise'));

  it.each([
    ['en', 'How much is the blue one?'],
    ['ru', 'Сколько стоит доставка?'],
    ['ar', 'كم سعر هذا الهاتف؟'],
  ])('purchase_intent (%s)', (code, text) => expect(labels(text, code)).toContain('purchase_intent'));

  it.each([
    ['en', 'we need 50 phones for our company'],
    ['en', 'looking for a fibre plan for our office'],
    ['fr', 'Nous cherchons une offre pour notre entreprise, 20 salariés'],
    ['de', 'Unsere Firma sucht einen Geschäftskundentarif für 40 Mitarbeiter'],
    ['tr', 'Şirketimiz için 20 telefon lazım, teklif alabilir miyim?'],
    ['ja', '弊社で100台導入を検討しています。見積もりをお願いします'],
    ['hi', 'हमारी कंपनी के लिए 30 फोन चाहिए'],
  ])('lead (%s)', (code, text) => {
    const result = intentsOf(text, code);
    expect(result.all.map((i) => i.label)).toContain('lead');
    expect(['purchase_intent', 'question']).toContain(result.primary.label);
  });

  it('a consumer asking a price is not a lead', () => {
    expect(labels('How much is the blue one?', 'en')).not.toContain('lead');
  });

  it.each([
    ['en', 'DM me to earn $500 a day from home, link in bio 💰 https://x.co/a'],
    ['en', 'crypto airdrop giveaway https://a.co/1 https://a.co/1 https://a.co/1'],
    ['ru', 'Пассивный доход от 1000$ в день, пиши в лс https://t.me/x'],
    ['pt', 'Ganhar dinheiro fácil em casa, dinheiro fácil https://bit.ly/x'],
    ['ja', '副業で簡単に稼げる！仮想通貨 https://x.co/a'],
  ])('spam (%s)', (code, text) => expect(labels(text, code)).toContain('spam'));

  it('one ordinary mention of crypto is not spam', () => {
    expect(labels('Do you accept crypto as payment?', 'en')).not.toContain('spam');
  });

  it.each([
    ['en', 'you are a bunch of f*cking idiots'],
    ['en', 'this is sh1t service, you morons'],
    ['ru', 'вы дебилы, сколько можно'],
    ['fr', "bande de connards, rendez-moi mon argent"],
    ['es', 'sois unos inútiles y ladrones'],
    ['de', 'ihr seid Vollidioten'],
    ['tr', 'salak mısınız siz'],
    ['ar', 'انتم لصوص وحرامية'],
    ['th', 'ควาย โกงเงินลูกค้า'],
  ])('toxic (%s)', (code, text) => expect(labels(text, code)).toContain('toxic'));

  it('does not call clean reviews or another language\'s ordinary words toxic', () => {
    expect(labels('The assessment of the class was fair, I assume', 'en')).not.toContain('toxic');
    expect(labels('Gol! Que jogo bonito', 'pt')).not.toContain('toxic');
    expect(labels('กูชอบร้านนี้มาก', 'th')).not.toContain('toxic');
  });

  it.each([
    ['en', "Refund now or I'll call my lawyer"],
    ['en', 'My battery exploded and burned my hand'],
    ['en', 'network down everywhere, no signal since morning'],
    ['ru', 'Подам в суд, телефон загорелся'],
    ['fr', 'Je vais porter plainte, mon chargeur a pris feu'],
    ['es', 'El teléfono explotó, voy a llamar a un abogado'],
    ['de', 'Ich gehe zum Anwalt, der Akku ist explodiert'],
    ['pt', 'Vou processar vocês, o celular pegou fogo'],
    ['tr', 'Telefon patladı, avukatımla görüşeceğim'],
    ['ar', 'سأرفع دعوى، محامي سيتواصل معكم'],
    ['ja', 'バッテリーが発火しました'],
    ['th', 'เน็ตล่มทั้งเมือง'],
    ['hi', 'फोन में आग लग गई, मैं कोर्ट जाऊंगा'],
  ])('crisis, always also a complaint (%s)', (code, text) => {
    const result = intentsOf(text, code);
    expect(result.all.map((i) => i.label)).toEqual(expect.arrayContaining(['crisis', 'complaint']));
    expect(result.primary.label).toBe('complaint');
  });

  it('a sarcastic complaint that is also toxic is not praise', () => {
    const result = intentsOf('Wow great job idiots, broken again 🙄', 'en');
    expect(result.primary.label).toBe('complaint');
    expect(result.all.map((i) => i.label)).toEqual(expect.arrayContaining(['complaint', 'toxic']));
    expect(result.all.map((i) => i.label)).not.toContain('praise');
  });

  it('keeps several base intents: a price question that is also a complaint', () => {
    expect(labels('How much is a new one? The last one stopped working after a week', 'en')).toEqual(
      expect.arrayContaining(['purchase_intent', 'question', 'complaint']),
    );
  });

  it('every confidence is in 0..1', () => {
    for (const intent of intentsOf("you idiots, I'll sue, DM me to earn $500 https://x.co/a https://x.co/a", 'en').all) {
      expect(intent.confidence).toBeGreaterThan(0);
      expect(intent.confidence).toBeLessThanOrEqual(1);
    }
  });
});
