import { classifyText } from '../classify-text';

const state = (text: string) => classifyText(text).customerState?.label;

describe('customerState', () => {
  it.each([
    'Love it 😍 thanks so much!',
    'Спасибо большое, всё отлично',
    'Merci, service impeccable',
  ])('happy: %s', (text) => expect(state(text)).toBe('happy'));

  it.each([
    'still not working!!! third time I write',
    'Опять не работает, верните деньги',
    "Toujours pas reçu ma commande, c'est une arnaque",
    'Immer noch keine Antwort, schlechter Service!!',
  ])('frustrated: %s', (text) => expect(state(text)).toBe('frustrated'));

  it.each([
    "I don't understand how do I reset my password??",
    'Не понимаю, как мне поменять тариф?',
    'No entiendo cómo activar la tarjeta',
    'パスワードの変え方が分かりません',
  ])('confused: %s', (text) => expect(state(text)).toBe('confused'));

  it('neutral for plain information', () => {
    expect(state('My order number is 12345')).toBe('neutral');
  });
});
