import { EmbeddedDocumentStore } from '../embedded/embedded-document-store.adapter';
import { CollectionsOwnedByThread } from './collections-owned-by-thread';

describe('CollectionsOwnedByThread', () => {
  const store = new CollectionsOwnedByThread(new EmbeddedDocumentStore(), (name) => name.startsWith('ingest_'), 'lifecycle thread');

  it('opens the collections this thread owns', async () => {
    const accepted = store.collection<{ id: string; tenantId: string }>({ name: 'ingest_accepted_mentions', indexes: [] });
    await accepted.insert({ id: 'm-1', tenantId: 'demo' });
    expect((await accepted.get('demo', 'm-1'))?.doc).toEqual({ id: 'm-1', tenantId: 'demo' });
  });

  it("refuses a collection of the other thread's, naming it", () => {
    expect(() => store.collection({ name: 'customer_profiles', indexes: [] })).toThrow('collection customer_profiles belongs to the lifecycle thread');
  });
});
