import { conversationKey, createEvent } from '@cxm/contracts';
import { PlatformConfig } from '@cxm/platform-config';
import { EmbeddedMentionIndex, SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { parseQuery } from '@cxm/query';
import { aMention, aMentionReceivedEvent } from '@cxm/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectMentionStory } from '../mention-story/project-mention-story.usecase';
import { RebuildMentionIndex } from './rebuild-mention-index.usecase';

describe('RebuildMentionIndex', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  let index: EmbeddedMentionIndex;
  let project: ProjectMentionStory;
  let rebuild: RebuildMentionIndex;
  const config = { tenants: ['demo', 'acme'] } as PlatformConfig;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxm-reindex-'));
    store = new EmbeddedDocumentStore();
    index = new EmbeddedMentionIndex(dataDir);
    project = new ProjectMentionStory(store, index);
    rebuild = new RebuildMentionIndex(store, index, config, silentLogger());
  });
  afterEach(async () => {
    await index.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const search = async (q: string, tenantId = 'demo') => (await index.search(tenantId, parseQuery(q, { fields: SEARCH_FIELD_NAMES }), { limit: 10 })).items.map((d) => d.text);

  it('rebuilds every tenant\'s index from the stories, drops what the stories do not hold and skips erased mentions', async () => {
    const kept = aMention({ text: 'Şarj aleti çalışmıyor 😤', createdAt: '2026-11-20T10:00:00.000Z' });
    const other = aMention({ tenantId: 'acme', text: 'La batterie ne tient pas', createdAt: '2026-11-20T11:00:00.000Z' });
    const erased = aMention({ text: 'Call me at +90 555 000 00 00', createdAt: '2026-11-20T12:00:00.000Z' });
    for (const m of [kept, other, erased]) await project.received(aMentionReceivedEvent(m));
    await project.erased(
      createEvent('mentions.erased', {
        tenantId: 'demo',
        correlationId: erased.id,
        key: conversationKey('demo', erased.conversationId),
        payload: { mentionId: erased.id, conversationId: erased.conversationId, channel: erased.channel, authorId: erased.author.id, requestedBy: 'admin', erasedAt: new Date().toISOString() },
      }),
    );
    // A document the stories do not back (a projection bug, a lost write): the rebuild drops it.
    await index.upsert({ ...(await index.get('demo', kept.id))!, id: 'ghost', text: 'ghost document' });

    const job = await rebuild.start();
    await rebuild.settled();

    expect(await rebuild.get(job.id)).toMatchObject({ status: 'done', scanned: 3, indexed: 2, skipped: 1, target: expect.any(String), finishedAt: expect.any(String) });
    expect(await search('')).toEqual(['Şarj aleti çalışmıyor 😤']);
    expect(await search('', 'acme')).toEqual(['La batterie ne tient pas']);
    // The swapped-in copy is what a restart replays.
    await index.close();
    index = new EmbeddedMentionIndex(dataDir);
    expect(await search('')).toEqual(['Şarj aleti çalışmıyor 😤']);
  });

  it('refuses a second reindex while one runs', async () => {
    const first = rebuild.start();
    await expect(rebuild.start()).rejects.toMatchObject({ problem: { status: 409 } });
    await first;
    await rebuild.settled();
  });

  it('marks a reindex a restart interrupted as failed', async () => {
    const job = await rebuild.start();
    await rebuild.settled();
    const jobs = store.collection<{ id: string; tenantId: string; status: string }>({ name: 'explorer_reindex_jobs', indexes: [] });
    const current = (await jobs.get('_platform', job.id))!;
    await jobs.replace({ ...current.doc, status: 'running' }, current.version);
    await new RebuildMentionIndex(store, index, config, silentLogger()).onApplicationBootstrap();
    expect(await rebuild.get(job.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('restart') });
  });
});
