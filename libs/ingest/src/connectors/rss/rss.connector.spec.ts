import { canonicalMentionProblems, MAX_MENTION_TEXT_LENGTH } from '@cxm/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MappedMention, NativePayloadError } from '../channel-connector';
import { RssConnector } from './rss.connector';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('RssConnector', () => {
  const connector = new RssConnector(() => NOW);
  const map = (body: string, source = 'https://feeds.example/feed.xml') => connector.mapDocument(body, source, {});
  const byId = (mapped: MappedMention[], externalId: string) => {
    const found = mapped.find((m) => m.mention.externalId === externalId);
    if (!found) throw new Error(`no mention ${externalId} in ${mapped.map((m) => m.mention.externalId).join(', ')}`);
    return found.mention;
  };

  describe('an RSS 2.0 news feed (Russian)', () => {
    let mapped: MappedMention[];
    beforeAll(async () => {
      mapped = await map(fixture('ru-news.rss.xml'), 'https://vesti.example.ru/tech/rss.xml');
    });

    it('maps every item that has text, in document order, each a valid canonical mention', () => {
      expect(mapped.map((m) => m.mention.externalId)).toEqual([
        'vesti-tech-884512',
        'https://vesti.example.ru/tech/2026/11/30/aurora-x5-review',
        'https://vesti.example.ru/tech/2026/11/29/market',
      ]);
      for (const { mention } of mapped) expect(canonicalMentionProblems({ ...mention, tenantId: 'demo' })).toEqual([]);
    });

    it('uses the guid as natural id, dc:creator as author scoped by site, and pubDate in UTC', () => {
      expect(byId(mapped, 'vesti-tech-884512')).toMatchObject({
        channel: 'rss',
        author: { id: 'vesti.example.ru/Анна Смирнова', handle: 'Анна Смирнова', displayName: 'Анна Смирнова' },
        createdAt: '2026-12-01T06:30:00.000Z',
        url: 'https://vesti.example.ru/tech/2026/12/01/aurora-x5-recall',
        title: 'Смартфоны Aurora X5 отзывают из-за перегрева батареи',
        target: 'https://vesti.example.ru/tech/rss.xml',
      });
    });

    it('reduces content:encoded HTML to text headed by the title, dropping scripts, styles and comments', () => {
      const { text } = byId(mapped, 'vesti-tech-884512');
      expect(text).toBe(
        'Смартфоны Aurora X5 отзывают из-за перегрева батареи\n\n' +
          'Москва. Компания Aurora объявила об отзыве партии смартфонов X5 — около 12 000 устройств.\n' +
          'Владельцы жалуются, что батарея нагревается до 60 °C, а сервисные центры не справляются с потоком обращений.\n\n' +
          'Москва\nСанкт-Петербург',
      );
      expect(text).not.toMatch(/display:none|реклама|<|&nbsp;/);
    });

    it('falls back to the link as natural id and reads an "email (Name)" author', () => {
      const review = byId(mapped, 'https://vesti.example.ru/tech/2026/11/30/aurora-x5-review');
      expect(review.author).toEqual({ id: 'p.ivanov@vesti.example.ru', handle: 'p.ivanov@vesti.example.ru', displayName: 'Пётр Иванов' });
      expect(review.text).toBe('Обзор: Aurora X5 спустя полгода — стоит ли покупать? 🔋\n\nКамера отличная, но батарея держит меньше дня. Поддержка отвечает «в течение 5 рабочих дней».');
    });

    it("dates an item with an unreadable pubDate by the feed's lastBuildDate and names the publication as author", () => {
      const market = byId(mapped, 'https://vesti.example.ru/tech/2026/11/29/market');
      expect(market.createdAt).toBe('2026-12-01T06:40:00.000Z');
      expect(market.author).toEqual({ id: 'vesti.example.ru/Технологии — Вести.Тест', handle: 'Технологии — Вести.Тест', displayName: 'Технологии — Вести.Тест' });
    });

    it('keeps the parsed item and the feed it came from as the native payload', () => {
      const first = mapped[0].native as { feed: { url: string; title: string }; item: { guid: string; categories: string[] } };
      expect(first.feed).toMatchObject({ url: 'https://vesti.example.ru/tech/rss.xml', title: 'Технологии — Вести.Тест' });
      expect(first.item).toMatchObject({ guid: 'vesti-tech-884512', categories: ['Гаджеты'] });
    });
  });

  describe('an Atom blog (Japanese)', () => {
    let mapped: MappedMention[];
    beforeAll(async () => {
      mapped = await map(fixture('ja-blog.atom.xml'));
    });

    it('marks an entry whose updated moved on after published as edited', () => {
      expect(byId(mapped, 'tag:sakura-gadget.example.jp,2026:entry-1042')).toMatchObject({
        createdAt: '2026-11-28T12:15:00.000Z',
        editedAt: '2026-11-30T22:45:00.000Z',
        author: { id: 'sakura@sakura-gadget.example.jp', handle: 'sakura@sakura-gadget.example.jp', displayName: '佐藤さくら' },
        url: 'https://sakura-gadget.example.jp/2026/11/aurora-x5-battery',
        title: 'Aurora X5 のバッテリー、また切れました…',
        text: 'Aurora X5 のバッテリー、また切れました…\n\n昼までにバッテリーが切れてしまいます。サポートに問い合わせましたが、まだ返事がありません 😢\n追記（12月1日）：交換対応してもらえることになりました！',
      });
    });

    it('does not mark an entry edited when updated equals published, and keeps inline XHTML in order', () => {
      const entry = byId(mapped, 'tag:sakura-gadget.example.jp,2026:entry-1041');
      expect(entry.editedAt).toBeUndefined();
      expect(entry.text).toBe('新しいイヤホンを買いました\n\n音質は最高です。');
      expect(entry.author).toEqual({ id: 'https://sakura-gadget.example.jp/about', handle: '佐藤さくら', displayName: '佐藤さくら' });
    });

    it('dates an entry with only updated by it, reads its HTML summary, and keeps a valid mention without a link', () => {
      const entry = byId(mapped, 'tag:sakura-gadget.example.jp,2026:entry-1040');
      expect(entry).toMatchObject({ createdAt: '2026-11-20T00:00:00.000Z', text: 'お知らせ\n\nブログのFAQを更新しました。' });
      expect(entry.url).toBeUndefined();
      expect(entry.editedAt).toBeUndefined();
      expect(canonicalMentionProblems({ ...entry, tenantId: 'demo' })).toEqual([]);
    });
  });

  describe('an Atom forum thread (French)', () => {
    let mapped: MappedMention[];
    beforeAll(async () => {
      mapped = await map(fixture('fr-forum.atom.xml'));
    });

    it('threads replies through thr:in-reply-to and leaves the opening post as its own root', () => {
      const root = 'https://forum.mobiles-fr.example/viewtopic.php?p=90001#p90001';
      const reply = 'https://forum.mobiles-fr.example/viewtopic.php?p=90007#p90007';
      expect(byId(mapped, root).inReplyTo).toBeUndefined();
      expect(byId(mapped, reply).inReplyTo).toBe(root);
      expect(byId(mapped, 'https://forum.mobiles-fr.example/viewtopic.php?p=90012#p90012').inReplyTo).toBe(reply);
      expect(mapped.every((m) => m.mention.conversationId === undefined)).toBe(true);
    });

    it('decodes HTML entities and keeps accents and emoji', () => {
      expect(byId(mapped, 'https://forum.mobiles-fr.example/viewtopic.php?p=90001#p90001')).toMatchObject({
        author: { id: 'forum.mobiles-fr.example/Léa_du_38', displayName: 'Léa_du_38' },
        text: 'Aurora X5 : batterie qui chauffe\n\nBonjour à tous, mon X5 chauffe énormément pendant la charge. C’est normal ? 🤔',
      });
    });
  });

  describe('natural ids', () => {
    const rss = (item: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link>${item}</channel></rss>`;

    it('gives an item without guid or link the same digest id on every poll, and another item another one', async () => {
      const item = '<item><title>Merhaba dünya 👋</title><description>Aurora X5 harika!</description><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>';
      const [first] = await map(rss(item));
      const [again] = await map(rss(item));
      const [other] = await map(rss(item.replace('harika', 'berbat')));
      expect(first.mention.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(again.mention.externalId).toBe(first.mention.externalId);
      expect(other.mention.externalId).not.toBe(first.mention.externalId);
    });

    it('replaces a guid longer than 256 characters by its digest', async () => {
      const guid = `https://forum.example/viewtopic.php?${'x'.repeat(300)}`;
      const [mapped] = await map(rss(`<item><guid>${guid}</guid><title>long</title></item>`));
      expect(mapped.mention.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(canonicalMentionProblems({ ...mapped.mention, tenantId: 'demo' })).toEqual([]);
    });

    it('clips a very long article to the canonical text limit without splitting an emoji', async () => {
      const body = '🔋'.repeat(MAX_MENTION_TEXT_LENGTH);
      const [mapped] = await map(rss(`<item><guid>g</guid><title>T</title><description>${body}</description></item>`));
      expect(mapped.mention.text.length).toBeLessThanOrEqual(MAX_MENTION_TEXT_LENGTH);
      expect(mapped.mention.text.endsWith('🔋…')).toBe(true);
    });

    it('dates an undated item in an undated feed by the poll time', async () => {
      const [mapped] = await map(rss('<item><guid>g</guid><title>Sans date</title></item>'));
      expect(mapped.mention.createdAt).toBe(NOW.toISOString());
    });
  });

  describe('documents that are not feeds', () => {
    it('names the reason and position of malformed XML', async () => {
      const failure = map(fixture('malformed-unclosed.rss.xml'));
      await expect(failure).rejects.toThrow(NativePayloadError);
      await expect(failure).rejects.toThrow('the feed is not well-formed XML: Unexpected close tag at line 8, column 14');
    });

    it('refuses a well-formed document that is neither RSS nor Atom', async () => {
      await expect(map(fixture('not-a-feed.html'))).rejects.toThrow(new NativePayloadError('the document is XML but neither an RSS nor an Atom feed', 'body'));
    });

    it('refuses an empty document and text that is not XML', async () => {
      await expect(map('')).rejects.toThrow('the feed document is empty');
      await expect(map('Service Unavailable')).rejects.toThrow(/^the feed is not well-formed XML: Non-whitespace before first tag at line 1, column 1$/);
    });
  });
});
