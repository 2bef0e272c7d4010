import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { problemOf } from '../common/problem-of';
import { ManageSavedSearches, SavedSearchInput } from './manage-saved-searches.usecase';

const battery: SavedSearchInput = { name: 'Жалобы на батарею', query: 'battery OR батарея sentiment:negative', visibility: 'private' };

describe('ManageSavedSearches', () => {
  let searches: ManageSavedSearches;

  beforeEach(() => {
    searches = new ManageSavedSearches(new EmbeddedDocumentStore());
  });

  it('saves a search owned by the acting user, private by default', async () => {
    const { search, created } = await searches.create('demo', 'ana', { name: 'バッテリー', query: 'バッテリー lang:ja' });
    expect(created).toBe(true);
    expect(search).toMatchObject({ tenantId: 'demo', ownerId: 'ana', name: 'バッテリー', query: 'バッテリー lang:ja', visibility: 'private', sharedWith: [] });
    expect(await searches.get('demo', 'ana', search.id)).toEqual(search);
  });

  it('refuses a query that does not parse, with the position and what was expected', async () => {
    const problem = await problemOf(searches.create('demo', 'ana', { name: 'broken', query: 'battery AND (charger' }));
    expect(problem).toMatchObject({ status: 400, type: '/problems/query-syntax-error', position: expect.any(Number), errors: [{ field: 'query', message: expect.any(String) }] });
    const unknownField = await problemOf(searches.create('demo', 'ana', { name: 'typo', query: 'langue:fr' }));
    expect(unknownField).toMatchObject({ status: 400, position: 0 });
  });

  it('creates once per Idempotency-Key: a repeat answers the same search, a different body with the key is a conflict', async () => {
    const first = await searches.create('demo', 'ana', battery, 'key-1');
    const again = await searches.create('demo', 'ana', battery, 'key-1');
    expect(again).toEqual({ search: first.search, created: false });
    expect((await searches.list('demo', 'ana', { limit: 10 })).items).toHaveLength(1);
    const reused = await problemOf(searches.create('demo', 'ana', { ...battery, name: 'другое' }, 'key-1'));
    expect(reused).toMatchObject({ status: 409, type: '/problems/idempotency-key-reused' });
    // The same key from another user is another request.
    expect((await searches.create('demo', 'bo', battery, 'key-1')).created).toBe(true);
  });

  it('shows a private search to its owner and the users it is shared with, to nobody else', async () => {
    const { search } = await searches.create('demo', 'ana', { ...battery, sharedWith: ['chen'] });
    expect((await searches.get('demo', 'chen', search.id)).id).toBe(search.id);
    expect(await problemOf(searches.get('demo', 'dmitri', search.id))).toMatchObject({ status: 404 });
    expect(await problemOf(searches.get('demo', undefined, search.id))).toMatchObject({ status: 404 });
  });

  it('shows a tenant-wide search to every user of the tenant, even without a user id', async () => {
    const { search } = await searches.create('demo', 'ana', { ...battery, visibility: 'tenant' });
    expect((await searches.get('demo', 'dmitri', search.id)).id).toBe(search.id);
    expect((await searches.get('demo', undefined, search.id)).id).toBe(search.id);
  });

  it('never shows one tenant a search of another, whatever its visibility', async () => {
    const { search } = await searches.create('demo', 'ana', { ...battery, visibility: 'tenant' });
    expect(await problemOf(searches.get('acme', 'ana', search.id))).toMatchObject({ status: 404 });
    expect((await searches.list('acme', 'ana', { limit: 10 })).items).toEqual([]);
    expect(await problemOf(searches.update('acme', 'ana', search.id, battery))).toMatchObject({ status: 404 });
    expect(await problemOf(searches.remove('acme', 'ana', search.id))).toMatchObject({ status: 404 });
  });

  it('lets only the owner change or delete a search: 403 to a reader, 404 to one who cannot read it', async () => {
    const { search } = await searches.create('demo', 'ana', { ...battery, sharedWith: ['chen'] });
    expect(await problemOf(searches.update('demo', 'chen', search.id, { ...battery, name: 'mine now' }))).toMatchObject({ status: 403 });
    expect(await problemOf(searches.remove('demo', 'chen', search.id))).toMatchObject({ status: 403 });
    expect(await problemOf(searches.update('demo', 'dmitri', search.id, battery))).toMatchObject({ status: 404 });

    const updated = await searches.update('demo', 'ana', search.id, { name: 'Şarj sorunları', query: 'şarj lang:tr', visibility: 'tenant' });
    expect(updated).toMatchObject({ id: search.id, ownerId: 'ana', name: 'Şarj sorunları', query: 'şarj lang:tr', visibility: 'tenant', createdAt: search.createdAt });
    expect(await problemOf(searches.update('demo', 'ana', search.id, { ...battery, query: '"unclosed' }))).toMatchObject({ status: 400 });
  });

  it('forgets a deleted search: not readable, not listed, not deletable twice, and its Idempotency-Key cannot bring it back', async () => {
    const { search } = await searches.create('demo', 'ana', battery, 'key-del');
    await searches.remove('demo', 'ana', search.id);
    expect(await problemOf(searches.get('demo', 'ana', search.id))).toMatchObject({ status: 404 });
    expect((await searches.list('demo', 'ana', { limit: 10 })).items).toEqual([]);
    expect(await problemOf(searches.remove('demo', 'ana', search.id))).toMatchObject({ status: 404 });
    expect(await problemOf(searches.create('demo', 'ana', battery, 'key-del'))).toMatchObject({ status: 409 });
  });

  it('pages through what the caller may read with a cursor, skipping what they may not', async () => {
    const visible: string[] = [];
    for (let i = 0; i < 25; i++) {
      const mine = await searches.create('demo', 'ana', { name: `mine ${i}`, query: `مشكلة ${i}` });
      visible.push(mine.search.id);
      await searches.create('demo', 'bo', { name: `bo private ${i}`, query: 'x' });
      if (i % 5 === 0) visible.push((await searches.create('demo', 'bo', { name: `bo shared ${i}`, query: 'x', visibility: 'tenant' })).search.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await searches.list('demo', 'ana', { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...visible].sort());
    const onlyBo = await searches.list('demo', 'ana', { limit: 100, owner: 'bo' });
    expect(onlyBo.items.map((s) => s.name).sort()).toEqual(['bo shared 0', 'bo shared 10', 'bo shared 15', 'bo shared 20', 'bo shared 5']);
  });

  it('refuses a cursor it did not issue', async () => {
    expect(await problemOf(searches.list('demo', 'ana', { limit: 5, cursor: '***' }))).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
  });
});
