import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { conversationKey } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { compileMatcher, DocumentMatcher, parseQuery } from '@cxm/query';
import { CLASSIFIED_MENTIONS, ClassifiedMentionRecord } from '../classified-mention.record';
import { ClassifyMention } from '../classify-mention/classify-mention.usecase';
import { REPROCESS_FIELDS } from './reprocess-fields';
import { REPROCESS_JOBS, ReprocessJob } from './reprocess-job';

const PAGE = 200;

/**
 * Re-classifies past mentions with the current models and re-publishes them, which updates the
 * index and stories downstream (every consumer is idempotent, so profiles, cases and replies do
 * not change or repeat). It paces itself (CXM_REPROCESS_RATE mentions/s) so live traffic keeps
 * flowing, records its progress after every page, and resumes after a restart.
 */
@Injectable()
export class RunReprocessJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobs: DocumentCollection<ReprocessJob>;
  private readonly mentions: DocumentCollection<ClassifiedMentionRecord>;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly classifyMention: ClassifyMention,
  ) {
    this.jobs = store.collection<ReprocessJob>(REPROCESS_JOBS);
    this.mentions = store.collection<ClassifiedMentionRecord>(CLASSIFIED_MENTIONS);
  }

  /** Resumes the jobs a previous run of this service left running. */
  async onApplicationBootstrap(): Promise<void> {
    for (const tenantId of this.config.tenants) {
      for (const job of await this.jobs.find(tenantId, { status: 'running' }, { limit: 100 })) this.launch(job);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  launch(job: ReprocessJob): void {
    if (this.running.has(job.id)) return;
    const run = this.run(job)
      .catch((error) => this.finish(job.tenantId, job.id, 'failed', (error as Error).message))
      .finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
  }

  private async run(start: ReprocessJob): Promise<void> {
    const matches = compileMatcher(parseQuery(start.query, { fields: REPROCESS_FIELDS }));
    const pauseMs = 1000 / this.config.classifier.reprocessRate;
    let job = start;
    while (!this.stopping) {
      const page = await this.mentions.find(job.tenantId, {}, { limit: PAGE, afterId: job.lastId });
      if (page.length === 0) return this.finish(job.tenantId, job.id, 'done');
      let { scanned, matched, reclassified } = job;
      for (const record of page) {
        scanned += 1;
        if (!inRange(record, job) || !matchesRecord(matches, record)) continue;
        matched += 1;
        const { mention } = record;
        await this.classifyMention.classifyAndPublish(mention, `${job.id}/${mention.id}`, mention.id, conversationKey(mention.tenantId, mention.conversationId));
        reclassified += 1;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      job = await this.progress(job, { scanned, matched, reclassified, lastId: page[page.length - 1].id });
    }
  }

  private async progress(job: ReprocessJob, counts: Pick<ReprocessJob, 'scanned' | 'matched' | 'reclassified' | 'lastId'>): Promise<ReprocessJob> {
    const current = (await this.jobs.get(job.tenantId, job.id))!;
    const next = { ...current.doc, ...counts, updatedAt: new Date().toISOString() };
    await this.jobs.replace(next, current.version);
    return next;
  }

  private async finish(tenantId: string, id: string, status: 'done' | 'failed', error?: string): Promise<void> {
    const current = (await this.jobs.get(tenantId, id))!;
    const now = new Date().toISOString();
    await this.jobs.replace({ ...current.doc, status, error, updatedAt: now, finishedAt: now }, current.version);
    this.logger.info({ jobId: id, tenantId, status, error, reclassified: current.doc.reclassified }, 'reprocessing finished');
  }
}

function inRange(record: ClassifiedMentionRecord, job: ReprocessJob): boolean {
  const at = Date.parse(record.mention.createdAt);
  return (!job.fromTime || at >= Date.parse(job.fromTime)) && (!job.toTime || at < Date.parse(job.toTime));
}

function matchesRecord(matches: DocumentMatcher, record: ClassifiedMentionRecord): boolean {
  const { mention, classification } = record;
  return matches({
    text: mention.text,
    fields: {
      lang: classification.language.code,
      sentiment: classification.sentiment.label,
      intent: (classification.intents ?? [classification.intent]).map((i) => i.label),
      channel: mention.channel,
      author: mention.author.handle,
      topic: classification.topics ?? [],
    },
  });
}
