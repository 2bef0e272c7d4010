import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describeDocumentStoreContract } from '../contract/document-store.contract';
import { DocumentStore, DuplicateDocumentError } from '../document-store.port';
import { EmbeddedDocumentStore } from '../embedded/embedded-document-store.adapter';
import { CollectionsOwnedByThread } from './collections-owned-by-thread';
import { serveStoreToThread } from './serve-store-to-thread';
import { StoreBridgeClosedError } from './store-bridge-protocol';
import { ThreadDocumentStore } from './thread-document-store.adapter';

/** A guest store over a real MessagePort (structured clone and all), served by an embedded store on disk. */
function bridged(host: DocumentStore): { guest: ThreadDocumentStore; served: { close(): void } } {
  const channel = new MessageChannel();
  return { served: serveStoreToThread(host, channel.port1), guest: new ThreadDocumentStore(channel.port2) };
}

describeDocumentStoreContract('thread bridge to the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxm-store-bridge-'));
  return {
    open: async () => {
      const host = new EmbeddedDocumentStore(dataDir);
      const { guest } = bridged(host);
      // The guest's close leaves the host's store open (it is the host's); the test's store is both.
      return { collection: (definition) => guest.collection(definition), close: async () => (await guest.close(), await host.close()) };
    },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('ThreadDocumentStore', () => {
  const definition = { name: 'ingest_things', indexes: [] };
  const thing = (id: string) => ({ id, tenantId: 'acme', text: 'Отличный сервис 👍' });

  it('lets two guests of one host race for an id: one insert wins, the other gets DuplicateDocumentError', async () => {
    const host = new EmbeddedDocumentStore();
    const [a, b] = [bridged(host), bridged(host)];
    const outcomes = await Promise.allSettled([a.guest.collection(definition).insert(thing('t1')), b.guest.collection(definition).insert(thing('t1'))]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    expect(refused.reason).toBeInstanceOf(DuplicateDocumentError);
    expect(await host.collection(definition).get('acme', 't1')).toEqual({ doc: thing('t1'), version: 1 });
    await Promise.all([a.guest.close(), b.guest.close()]);
  });

  it("answers a call for a collection the host's store refuses with that refusal", async () => {
    const host = new CollectionsOwnedByThread(new EmbeddedDocumentStore(), (name) => name.startsWith('ingest_'), 'lifecycle thread');
    const { guest } = bridged(host);
    await expect(guest.collection({ name: 'cases', indexes: [] }).get('acme', 'c1')).rejects.toThrow('collection cases belongs to the lifecycle thread');
    await expect(guest.collection(definition).get('acme', 'nothing')).resolves.toBeUndefined();
    await guest.close();
  });

  it('sends the calls of one event-loop turn as one message, and answers each', async () => {
    const host = new EmbeddedDocumentStore();
    const channel = new MessageChannel();
    let messages = 0;
    channel.port1.on('message', () => (messages += 1));
    serveStoreToThread(host, channel.port1);
    const guest = new ThreadDocumentStore(channel.port2);
    const things = guest.collection<ReturnType<typeof thing>>(definition);
    const written = await Promise.all(Array.from({ length: 25 }, (_, index) => things.insert(thing(`t${index}`))));
    expect(written.map((answer) => answer.doc.id)).toEqual(Array.from({ length: 25 }, (_, index) => `t${index}`));
    expect(messages).toBe(1);
    await guest.close();
  });

  it('waits at close for the calls in flight, and refuses calls after it', async () => {
    const host = new EmbeddedDocumentStore();
    const { guest } = bridged(host);
    const insert = guest.collection(definition).insert(thing('t1'));
    await guest.close();
    await expect(insert).resolves.toEqual({ doc: thing('t1'), version: 1 });
    await expect(guest.collection(definition).get('acme', 't1')).rejects.toBeInstanceOf(StoreBridgeClosedError);
  });

  it('fails the calls in flight when the host closes its end', async () => {
    const host = new EmbeddedDocumentStore();
    const channel = new MessageChannel();
    const guest = new ThreadDocumentStore(channel.port2);
    // No host serves port1: the call stays unanswered until the port closes.
    const get = guest.collection(definition).get('acme', 't1');
    await new Promise((resolve) => setImmediate(resolve));
    channel.port1.close();
    await expect(get).rejects.toBeInstanceOf(StoreBridgeClosedError);
    await host.close();
  });
});

describe('the store bridge and what the structured clone cannot copy', () => {
  it('fails only the call whose document cannot be copied, with that reason, and answers the others of its turn', async () => {
    const host = new EmbeddedDocumentStore();
    const { guest } = bridged(host);
    const things = guest.collection<{ id: string; tenantId: string; text: unknown }>({ name: 'ingest_odd', indexes: [] });
    const [good, bad] = await Promise.allSettled([
      things.insert({ id: 'a', tenantId: 'acme', text: 'fine' }),
      things.insert({ id: 'b', tenantId: 'acme', text: () => 'a function' }),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: { doc: { id: 'a', tenantId: 'acme', text: 'fine' }, version: 1 } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'DataCloneError' } });
    await expect(things.get('acme', 'b')).resolves.toBeUndefined();
    await Promise.all([guest.close(), guest.close()]);
  });
});
