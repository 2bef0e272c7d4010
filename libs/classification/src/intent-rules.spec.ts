import { classifyText } from './classify-text';

const intentOf = (text: string) => classifyText(text).intent.label;

describe('intent rules', () => {
  it.each([
    ['My screen arrived broken, I want a refund'],
    ['Приложение не работает уже второй день'],
    ['Toujours pas de remboursement, c’est inadmissible'],
    ['El producto llegó roto'],
    ['Uygulama çalışmıyor'],
    ['届いた商品が壊れていました。返金してください'],
    ['เครื่องเสียตั้งแต่วันแรก'],
    ['软件更新以后就打不开了'],
    ['환불 받고 싶어요'],
  ])('complaint: %s', (text) => {
    expect(intentOf(text)).toBe('complaint');
  });

  it.each([
    ['How much is it?'],
    ['Where can I buy the blue one?'],
    ['Сколько стоит доставка?'],
    ['Combien pour la version pro ?'],
    ['Bu telefonun fiyatı ne kadar?'],
    ['この商品の値段はいくらですか？'],
    ['ราคาเท่าไหร่คะ'],
    ['¿Cuánto cuesta el envío?'],
    ['كم سعر هذا المنتج؟'],
  ])('purchase_intent: %s', (text) => {
    expect(intentOf(text)).toBe('purchase_intent');
  });

  it.each([
    ['Do you deliver on Sundays?'],
    ['Est-ce que vous livrez le dimanche ?'],
    ['متى يفتح المتجر؟'],
    ['Kargo ne zaman gelir'],
    ['วันนี้ร้านเปิดกี่โมงครับ'],
    ['営業時間は何時までですか'],
    ['Wann öffnet der Laden wieder'],
    ['今天几点关门？'],
  ])('question: %s', (text) => {
    expect(intentOf(text)).toBe('question');
  });

  it.each([
    ['Thank you so much, amazing support!'],
    ['Спасибо большое, всё отлично 👍'],
    ['Merci pour votre aide, service impeccable !'],
    ['ありがとうございます！とても助かりました'],
    ['Teşekkürler, ürün çok güzel 😍'],
    ['ขอบคุณมากค่ะ ประทับใจ'],
  ])('praise: %s', (text) => {
    expect(intentOf(text)).toBe('praise');
  });

  it.each([['Just landed in Berlin'], ['New video is up'], ['']])('other: %j', (text) => {
    expect(intentOf(text)).toBe('other');
  });

  describe('precedence', () => {
    it('complaint beats question', () => {
      expect(intentOf('Why does the app not work after the update?')).toBe('complaint');
    });

    it('purchase_intent beats question ("how much is it?" is a sales lead)', () => {
      expect(intentOf('how much is the premium plan?')).toBe('purchase_intent');
    });

    it('complaint beats purchase_intent', () => {
      expect(intentOf('How much longer for my refund??')).toBe('complaint');
    });

    it('an angry question is a complaint', () => {
      expect(intentOf('Why is my order late again?? 😡😡')).toBe('complaint');
    });

    it('thanks with a negative tone is not praise', () => {
      expect(intentOf('thanks for nothing, awful')).not.toBe('praise');
    });

    it('a strongly negative post without complaint keywords is a complaint', () => {
      expect(intentOf('😡😡😡')).toBe('complaint');
    });
  });

  it('does not treat Spanish "mi" as a Turkish question particle', () => {
    expect(intentOf('Gracias, mi pedido llegó perfecto')).toBe('praise');
  });
});
