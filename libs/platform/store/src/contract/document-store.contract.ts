import { randomUUID } from 'node:crypto';
import { DocumentStore, DuplicateDocumentError, VersionConflictError } from '../document-store.port';
import { upsertDocument } from '../update-document';

interface Note {
  id: string;
  tenantId: string;
  status: string;
  rank: number;
  author: { id: string };
  tags: string[];
}

export interface DocumentStoreFactory {
  /** Opens a store over the same storage as the previous open (to test persistence). */
  open(): Promise<DocumentStore>;
  cleanup?(): Promise<void>;
}

/** The behaviour every DocumentStore adapter must show. */
export function describeDocumentStoreContract(adapterName: string, newFactory: () => DocumentStoreFactory): void {
  describe(`DocumentStore contract: ${adapterName}`, () => {
    let factory: DocumentStoreFactory;
    let stores: DocumentStore[];
    const definition = { name: `notes_${randomUUID().slice(0, 8)}`, indexes: [['status'], ['author.id']] };
    const note = (overrides: Partial<Note> = {}): Note => ({
      id: randomUUID(),
      tenantId: 'acme',
      status: 'open',
      rank: 1,
      author: { id: 'a1' },
      tags: ['x'],
      ...overrides,
    });
    const open = async () => {
      const store = await factory.open();
      stores.push(store);
      return store.collection<Note>(definition);
    };

    beforeEach(() => {
      factory = newFactory();
      stores = [];
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await factory.cleanup?.();
    });

    it('returns what was inserted, at version 1, as a plain object', async () => {
      const notes = await open();
      const doc = note();
      await notes.insert(doc);
      expect(await notes.get('acme', doc.id)).toEqual({ doc, version: 1 });
    });

    it('keeps what was stored whatever a caller later does to the document it wrote or to any copy it was handed', async () => {
      const notes = await open();
      const doc = note({ id: 'm1', tags: ['отзыв'] });
      const written = await notes.insert(doc);
      doc.tags.push('changed after insert');
      doc.author.id = 'changed after insert';
      written.doc.tags.push('changed in the insert answer');
      written.doc.status = 'changed in the insert answer';
      (await notes.get('acme', 'm1'))!.doc.tags.push('changed in a get answer');
      (await notes.find('acme', {}, { limit: 10 }))[0].author.id = 'changed in a find answer';
      (await notes.findOne('acme', { status: 'open' }))!.doc.status = 'changed in a findOne answer';
      expect(await notes.get('acme', 'm1')).toEqual({ doc: note({ id: 'm1', tags: ['отзыв'] }), version: 1 });
      const next = note({ id: 'm1', tags: ['ทดสอบ'] });
      const replaced = await notes.replace(next, 1);
      next.tags.push('changed after replace');
      replaced.doc.tags.push('changed in the replace answer');
      expect(await notes.get('acme', 'm1')).toEqual({ doc: note({ id: 'm1', tags: ['ทดสอบ'] }), version: 2 });
      expect(await notes.findOne('acme', { 'author.id': 'a1' })).toEqual({ doc: note({ id: 'm1', tags: ['ทดสอบ'] }), version: 2 });
    });

    it('answers a write with the version it stored', async () => {
      const notes = await open();
      const doc = note({ tags: ['😀', 'é'] });
      expect(await notes.insert(doc)).toEqual({ doc, version: 1 });
      expect(await notes.replace({ ...doc, rank: 7 }, 1)).toEqual({ doc: { ...doc, rank: 7 }, version: 2 });
    });

    it('never shows one tenant the documents of another', async () => {
      const notes = await open();
      const doc = note();
      await notes.insert(doc);
      expect(await notes.get('other-tenant', doc.id)).toBeUndefined();
      expect(await notes.find('other-tenant', {}, { limit: 10 })).toEqual([]);
      expect(await notes.findOne('other-tenant', { status: 'open' })).toBeUndefined();
    });

    it('refuses a second insert with the same id', async () => {
      const notes = await open();
      const doc = note();
      await notes.insert(doc);
      await expect(notes.insert({ ...doc, status: 'closed' })).rejects.toBeInstanceOf(DuplicateDocumentError);
    });

    it('refuses a replace that quotes a stale version, so no write is lost', async () => {
      const notes = await open();
      const doc = note();
      await notes.insert(doc);
      await notes.replace({ ...doc, rank: 2 }, 1);
      await expect(notes.replace({ ...doc, rank: 3 }, 1)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await notes.get('acme', doc.id)).toEqual({ doc: { ...doc, rank: 2 }, version: 2 });
    });

    it('lets concurrent read-modify-write updates all land', async () => {
      const notes = await open();
      const doc = note({ tags: [] });
      await notes.insert(doc);
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          upsertDocument(notes, 'acme', doc.id, (current) => current && { ...current, tags: [...current.tags, `t${i}`] }),
        ),
      );
      const stored = await notes.get('acme', doc.id);
      expect(stored?.doc.tags).toHaveLength(8);
      expect(stored?.version).toBe(9);
    });

    it('finds by equality on fields and dotted paths, sorted, limited', async () => {
      const notes = await open();
      await notes.insert(note({ id: 'n1', rank: 3 }));
      await notes.insert(note({ id: 'n2', rank: 1 }));
      await notes.insert(note({ id: 'n3', rank: 2, author: { id: 'a2' } }));
      await notes.insert(note({ id: 'n4', status: 'closed' }));
      const open1 = await notes.find('acme', { status: 'open', 'author.id': 'a1' }, { limit: 10, sortBy: 'rank' });
      expect(open1.map((n) => n.id)).toEqual(['n2', 'n1']);
      const top = await notes.find('acme', { status: 'open' }, { limit: 2, sortBy: 'rank', descending: true });
      expect(top.map((n) => n.id)).toEqual(['n1', 'n3']);
      expect((await notes.findOne('acme', { status: 'closed' }))?.doc.id).toBe('n4');
    });

    it('pages through a collection by id with afterId', async () => {
      const notes = await open();
      for (const id of ['p3', 'p1', 'p5', 'p2', 'p4']) await notes.insert(note({ id }));
      const seen: string[] = [];
      let afterId: string | undefined;
      for (;;) {
        const page = await notes.find('acme', {}, { limit: 2, afterId });
        if (page.length === 0) break;
        seen.push(...page.map((n) => n.id));
        afterId = page[page.length - 1].id;
      }
      expect(seen).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    });

    it('pages through a collection by id descending with afterId (newest first for time-ordered ids)', async () => {
      const notes = await open();
      for (const id of ['p3', 'p1', 'p5', 'p2', 'p4']) await notes.insert(note({ id }));
      const seen: string[] = [];
      let afterId: string | undefined;
      for (;;) {
        const page = await notes.find('acme', {}, { limit: 2, afterId, descending: true });
        if (page.length === 0) break;
        seen.push(...page.map((n) => n.id));
        afterId = page[page.length - 1].id;
      }
      expect(seen).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
    });

    it('keeps documents across a reopen', async () => {
      const notes = await open();
      const doc = note();
      await notes.insert(doc);
      await notes.replace({ ...doc, status: 'closed' }, 1);
      await stores[0].close();
      stores = [];
      const reopened = await open();
      expect(await reopened.get('acme', doc.id)).toEqual({ doc: { ...doc, status: 'closed' }, version: 2 });
    });
  });
}
