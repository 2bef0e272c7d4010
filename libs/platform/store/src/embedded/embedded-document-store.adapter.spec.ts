import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDocumentStoreContract } from '../contract/document-store.contract';
import { TestRandom } from '@cxm/testing';
import { DocumentFilter } from '../document-store.port';
import { EmbeddedDocumentStore } from './embedded-document-store.adapter';

describeDocumentStoreContract('embedded (on disk)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-store-'));
  return {
    open: async () => new EmbeddedDocumentStore(dataDir),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('EmbeddedDocumentStore declared indexes', () => {
  interface Ticket {
    id: string;
    tenantId: string;
    status?: string | null;
    conversationId?: string;
    owner?: { id?: string };
    rank: number;
  }
  const indexed = { name: 'tickets', indexes: [['conversationId', 'status'], ['status', 'id'], ['owner.id']] };
  const scanned = { name: 'tickets', indexes: [] };
  const filters: DocumentFilter[] = [
    { status: 'open' },
    { status: null },
    { conversationId: 'c1', status: 'open' },
    { conversationId: 'c2', status: 'closed' },
    { conversationId: 'c3' },
    { 'owner.id': 'u1' },
    { 'owner.id': null },
    { status: 'open', 'owner.id': 'u2' },
    { status: 'open', rank: 3 },
    {},
  ];

  function randomTicket(random: TestRandom, id: string, tenantId: string): Ticket {
    return {
      id,
      tenantId,
      ...(random.next() < 0.8 ? { status: random.pick(['open', 'closed', 'pending', null]) } : {}),
      ...(random.next() < 0.9 ? { conversationId: random.pick(['c1', 'c2', 'c3', 'c4']) } : {}),
      ...(random.next() < 0.7 ? { owner: random.next() < 0.8 ? { id: random.pick(['u1', 'u2', 'u3']) } : {} } : {}),
      rank: random.int(1, 4),
    };
  }

  it('answers find and findOne from an index exactly as a scan does, through inserts and replaces that move documents between buckets', async () => {
    const random = new TestRandom(20261201);
    const withIndexes = new EmbeddedDocumentStore().collection<Ticket>(indexed);
    const withScan = new EmbeddedDocumentStore().collection<Ticket>(scanned);
    const ids: Record<string, string[]> = { acme: [], globex: [] };
    for (let step = 0; step < 1_500; step++) {
      const tenantId = random.pick(['acme', 'globex']);
      const existing = ids[tenantId];
      if (existing.length && random.next() < 0.6) {
        const id = random.pick(existing);
        const current = (await withScan.get(tenantId, id))!;
        const next = randomTicket(random, id, tenantId);
        await withIndexes.replace(next, current.version);
        await withScan.replace(next, current.version);
      } else {
        const doc = randomTicket(random, `t${step}`, tenantId);
        existing.push(doc.id);
        await withIndexes.insert(doc);
        await withScan.insert(doc);
      }
      if (step % 25 === 0) {
        for (const filter of filters) {
          for (const tenant of ['acme', 'globex', 'initech']) {
            expect(await withIndexes.findOne(tenant, filter)).toEqual(await withScan.findOne(tenant, filter));
            const options = { limit: 20, sortBy: random.pick(['id', 'rank']) };
            expect(await withIndexes.find(tenant, filter, options)).toEqual(await withScan.find(tenant, filter, options));
          }
        }
      }
    }
  });

  it('files a document by what its stored copy holds when the written object is not plain data (toJSON, a class, a hidden field)', async () => {
    class Owner {
      constructor(readonly id: string) {}
      toJSON() {
        return { id: `${this.id}-as-stored` };
      }
    }
    const withHidden = { id: 'u3' };
    Object.defineProperty(withHidden, 'id', { value: 'u3', enumerable: false });
    const tickets = new EmbeddedDocumentStore().collection<Ticket>(indexed);
    await tickets.insert({ id: 'a', tenantId: 'acme', owner: new Owner('u1') as unknown as { id: string }, rank: 1 });
    await tickets.insert({ id: 'b', tenantId: 'acme', owner: withHidden, rank: 1 });
    await tickets.insert({ id: 'c', tenantId: 'acme', conversationId: 'c1', status: new Date('2026-12-01T00:00:00Z') as unknown as string, rank: 1 });
    expect((await tickets.findOne('acme', { 'owner.id': 'u1-as-stored' }))?.doc.id).toBe('a');
    expect(await tickets.findOne('acme', { 'owner.id': 'u1' })).toBeUndefined();
    expect((await tickets.find('acme', { 'owner.id': null }, { limit: 10 })).map((t) => t.id)).toEqual(['b', 'c']);
    expect(await tickets.findOne('acme', { 'owner.id': 'u3' })).toBeUndefined();
    expect((await tickets.findOne('acme', { conversationId: 'c1', status: '2026-12-01T00:00:00.000Z' }))?.doc.id).toBe('c');
  });

  it('rebuilds its indexes from the journal when reopened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cxm-store-indexes-'));
    try {
      const first = new EmbeddedDocumentStore(dataDir);
      const tickets = first.collection<Ticket>(indexed);
      await tickets.insert({ id: 'a', tenantId: 'acme', status: 'open', conversationId: 'c1', rank: 1 });
      const b = await tickets.insert({ id: 'b', tenantId: 'acme', status: 'open', conversationId: 'c2', rank: 1 });
      await tickets.replace({ ...b.doc, conversationId: 'c1', status: 'closed' }, b.version);
      await first.close();
      const reopened = new EmbeddedDocumentStore(dataDir).collection<Ticket>(indexed);
      expect((await reopened.findOne('acme', { conversationId: 'c1', status: 'closed' }))?.doc.id).toBe('b');
      expect(await reopened.findOne('acme', { conversationId: 'c2', status: 'open' })).toBeUndefined();
      expect((await reopened.find('acme', { status: 'open' }, { limit: 10 })).map((t) => t.id)).toEqual(['a']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
