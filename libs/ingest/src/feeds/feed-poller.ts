import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from '@cxm/platform-logging';
import { DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PolledConnector } from '../connectors/channel-connector';
import { FEED_CURSORS, FeedCursorRecord } from './feed-cursor.record';
import { FeedSubscription, FeedSubscriptions } from './feed-subscriptions.port';
import { FetchFunction } from './fetch-feed';
import { MentionAcceptor, PollFeed, PollFeedSettings, PollOutcome } from './poll-feed.usecase';

export interface FeedPollerSettings extends PollFeedSettings {
  enabled: boolean;
  /** Said in the start-up log when polling is off; CXM_FEEDS_ENABLED=false unless given. */
  offBecause?: string;
  /** How often the poller looks for feeds that are due (each feed keeps its own interval). */
  tickMs: number;
  /** Feeds fetched at the same time, across all tenants. */
  concurrency: number;
}

export interface FeedPollerOptions {
  subscriptions: FeedSubscriptions;
  store: DocumentStore;
  connector: PolledConnector;
  accept: MentionAcceptor;
  logger: Logger;
  settings: FeedPollerSettings;
  /** Injected by tests: the clock that decides which feeds are due, and the HTTP client. */
  now?: () => Date;
  fetch?: FetchFunction;
  /** This replica's name in feed leases (default: host, pid and a random part). */
  owner?: string;
}

export interface PollReport {
  tenantId: string;
  url: string;
  outcome: PollOutcome;
}

/**
 * Polls every tenant's feeds on their own intervals, as long as the Nest application runs:
 * started on bootstrap, stopped (in-flight fetches aborted, the round awaited) on shutdown.
 * Several replicas may run it; a lease in each feed's cursor lets one of them poll a feed at a
 * time (ADR 0011). Nothing here throws out of a round: failures are logged and backed off.
 */
export class FeedPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pollFeed: PollFeed;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> | undefined;
  private stopping = new AbortController();
  private running = false;

  constructor(private readonly options: FeedPollerOptions) {
    this.logger = options.logger.child({ component: 'feed-poller' });
    this.pollFeed = new PollFeed({
      cursors: options.store.collection<FeedCursorRecord>(FEED_CURSORS),
      connector: options.connector,
      accept: options.accept,
      fetch: options.fetch ?? fetch,
      now: options.now ?? (() => new Date()),
      logger: this.logger,
      owner: options.owner ?? `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      settings: options.settings,
    });
  }

  onApplicationBootstrap(): void {
    if (this.options.settings.enabled) this.start();
    else this.logger.info(`feed polling is disabled (${this.options.settings.offBecause ?? 'CXM_FEEDS_ENABLED=false'})`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.round;
  }

  /** One round: every subscribed feed that is due and not held by another replica is polled. */
  async pollDue(): Promise<PollReport[]> {
    let subscriptions: FeedSubscription[];
    try {
      subscriptions = await this.options.subscriptions.list();
    } catch (error) {
      this.logger.error({ err: error }, 'could not read the feed subscriptions; retrying next round');
      return [];
    }
    const signal = this.stopping.signal;
    return forEachConcurrently(subscriptions, this.options.settings.concurrency, async (subscription) => {
      try {
        return { tenantId: subscription.tenantId, url: subscription.url, outcome: await this.pollFeed.execute(subscription, signal) };
      } catch (error) {
        // A store failure while claiming or settling: the lease runs out and the feed is polled again.
        this.logger.error({ err: error, tenantId: subscription.tenantId }, 'feed poll crashed');
        return { tenantId: subscription.tenantId, url: subscription.url, outcome: { kind: 'failed', error: (error as Error).message, failures: 0 } };
      }
    });
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.round = this.pollDue().finally(() => {
        if (this.running) this.schedule(this.options.settings.tickMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}

/** Runs `task` over `items` with at most `limit` at a time; results in the items' order. */
async function forEachConcurrently<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
