import { InvalidCursorError, MentionDocument } from '../mention-index.port';
import { decodeCursor, encodeCursor, selectPage } from './mention-sort';

const doc = (id: string, createdAt: string, priorityScore?: number): MentionDocument => ({
  id,
  tenantId: 't',
  version: 1,
  channel: 'x',
  externalId: id,
  text: id,
  createdAt,
  authorId: 'a',
  authorHandle: '@a',
  authorDisplayName: 'A',
  conversationId: id,
  ...(priorityScore === undefined ? {} : { priorityScore }),
});

describe('sorting and cursors', () => {
  const docs = [doc('b', '2026-11-20T10:00:00.000Z', 50), doc('a', '2026-11-20T10:00:00.000Z', 50), doc('c', '2026-11-19T10:00:00.000Z'), doc('d', '2026-11-21T10:00:00.000Z', 10), doc('e', '2026-11-18T10:00:00.000Z', 90)];
  const order = (sort: 'newest' | 'oldest' | 'priority') => selectPage(docs, sort, undefined, 10).items.map((d) => d.id);

  it('orders by time either way and by priority with unscored last, ties by id', () => {
    expect(order('newest')).toEqual(['d', 'b', 'a', 'c', 'e']);
    expect(order('oldest')).toEqual(['e', 'c', 'a', 'b', 'd']);
    expect(order('priority')).toEqual(['e', 'b', 'a', 'd', 'c']);
  });

  it('continues after the cursor position, and says whether more follow', () => {
    const first = selectPage(docs, 'priority', undefined, 2);
    expect(first).toMatchObject({ more: true });
    const next = selectPage(docs, 'priority', decodeCursor('priority', encodeCursor('priority', first.items[1])), 2);
    expect(next.items.map((d) => d.id)).toEqual(['a', 'd']);
    const last = selectPage(docs, 'priority', decodeCursor('priority', encodeCursor('priority', next.items[1])), 2);
    expect([last.items.map((d) => d.id), last.more]).toEqual([['c'], false]);
  });

  it('refuses forged cursors and cursors of another sort', () => {
    expect(() => decodeCursor('newest', 'forged')).toThrow(InvalidCursorError);
    expect(() => decodeCursor('newest', Buffer.from('{"s":"newest","v":[1,2]}').toString('base64url'))).toThrow(InvalidCursorError);
    expect(() => decodeCursor('newest', Buffer.from('{"s":"newest","v":["not a date","x"]}').toString('base64url'))).toThrow(InvalidCursorError);
    expect(() => decodeCursor('oldest', encodeCursor('newest', docs[0]))).toThrow('cursor was issued for sort "newest", not "oldest"');
  });

  it('still accepts a cursor issued before sorts existed (newest first)', () => {
    const legacy = Buffer.from(JSON.stringify(['2026-11-20T10:00:00.000Z', 'a'])).toString('base64url');
    expect(selectPage(docs, 'newest', decodeCursor('newest', legacy), 10).items.map((d) => d.id)).toEqual(['c', 'e']);
  });
});
