import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER, ProblemException } from '@cxm/platform-http';
import { IndexRebuild, MENTION_INDEX, MentionIndex } from '@cxm/platform-index';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { MENTION_STORIES, MentionStory } from '../mention-story/mention-story';
import { toDocument } from '../mention-story/project-mention-story.usecase';
import { REINDEX_JOBS, REINDEX_SCOPE, ReindexJob } from './reindex-job';

const PAGE = 500;
/** Stories read at once (each read gives the version the index document carries). */
const READS_IN_FLIGHT = 50;

/**
 * Rebuilds the mention index from the explorer's source of truth — the stories in the document
 * store — into a fresh copy, then swaps it in (an alias move on Elasticsearch, a reference swap
 * for the embedded index). Searchers keep reading the old copy until the swap. Writes that arrive
 * meanwhile land in both copies (the index port does it), and since every index document carries
 * its story's version, the copy and the live writes can arrive in any order: the newest wins.
 * Erased stories are tombstones and are skipped; erasures during the run are re-applied at the
 * swap, so nothing erased comes back.
 */
@Injectable()
export class RebuildMentionIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobs: DocumentCollection<ReindexJob>;
  private readonly stories: DocumentCollection<MentionStory>;
  private running: Promise<void> | undefined;
  /** Claimed synchronously by `start`, so two requests at once cannot both start a rebuild. */
  private busy = false;
  private stopping = false;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(MENTION_INDEX) private readonly index: MentionIndex,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.jobs = store.collection<ReindexJob>(REINDEX_JOBS);
    this.stories = store.collection<MentionStory>(MENTION_STORIES);
  }

  /**
   * A rebuild interrupted by a restart cannot resume (its half-built copy was not swapped in, the
   * current index still serves): it is marked failed, to be started again.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const job of await this.jobs.find(REINDEX_SCOPE, { status: 'running' }, { limit: 100 })) {
      await this.finish(job.id, 'failed', 'interrupted by a restart; start a new reindex');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** Records the job (durably: a 202 means stored) and starts it; one rebuild at a time. */
  async start(): Promise<ReindexJob> {
    if (this.busy) throw new ProblemException({ type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'a reindex is already running' });
    this.busy = true;
    const now = new Date().toISOString();
    const job: ReindexJob = { id: randomUUID(), tenantId: REINDEX_SCOPE, status: 'running', scanned: 0, indexed: 0, skipped: 0, startedAt: now, updatedAt: now };
    try {
      await this.jobs.insert(job);
    } catch (error) {
      this.busy = false;
      throw error;
    }
    this.running = this.run(job)
      .catch(async (error) => {
        this.logger.error({ err: error, jobId: job.id }, 'reindex failed');
        await this.finish(job.id, 'failed', (error as Error).message);
      })
      .finally(() => {
        this.running = undefined;
        this.busy = false;
      });
    return job;
  }

  async get(id: string): Promise<ReindexJob | undefined> {
    return (await this.jobs.get(REINDEX_SCOPE, id))?.doc;
  }

  /** Resolves when the running rebuild (if any) is over: for tests and shutdown. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(job: ReindexJob): Promise<void> {
    const rebuild = await this.index.rebuild();
    try {
      await this.progress(job.id, { target: rebuild.target });
      const counts = { scanned: 0, indexed: 0, skipped: 0 };
      for (const tenantId of this.config.tenants) await this.copyTenant(tenantId, rebuild, job.id, counts);
      if (this.stopping) throw new Error('stopped by a shutdown before the swap');
      await rebuild.commit();
      await this.finish(job.id, 'done');
      this.logger.info({ jobId: job.id, target: rebuild.target, ...counts }, 'reindex swapped in');
    } catch (error) {
      await rebuild.abort().catch(() => undefined);
      throw error;
    }
  }

  private async copyTenant(tenantId: string, rebuild: IndexRebuild, jobId: string, counts: Pick<ReindexJob, 'scanned' | 'indexed' | 'skipped'>): Promise<void> {
    let afterId: string | undefined;
    while (!this.stopping) {
      const page = await this.stories.find(tenantId, {}, { limit: PAGE, afterId });
      if (page.length === 0) return;
      for (let i = 0; i < page.length; i += READS_IN_FLIGHT) {
        await Promise.all(
          page.slice(i, i + READS_IN_FLIGHT).map(async (story) => {
            counts.scanned++;
            const current = await this.stories.get(tenantId, story.id);
            if (!current?.doc.mention || current.doc.erasedAt) {
              counts.skipped++;
              return;
            }
            await rebuild.upsert(toDocument(current.doc, current.version));
            counts.indexed++;
          }),
        );
      }
      afterId = page[page.length - 1].id;
      await this.progress(jobId, counts);
    }
  }

  private async progress(id: string, change: Partial<ReindexJob>): Promise<void> {
    const current = (await this.jobs.get(REINDEX_SCOPE, id))!;
    await this.jobs.replace({ ...current.doc, ...change, updatedAt: new Date().toISOString() }, current.version);
  }

  private async finish(id: string, status: 'done' | 'failed', error?: string): Promise<void> {
    const now = new Date().toISOString();
    await this.progress(id, { status, error, finishedAt: now });
  }
}
