import { CanonicalMention, canonicalMentionProblems, deriveId } from '@cxm/contracts';
import { Logger } from '@cxm/platform-logging';
import { DocumentCollection, DuplicateDocumentError, upsertDocument, VersionConflictError } from '@cxm/platform-store';
import { backOff } from 'exponential-backoff';
import type { AcceptContext, AcceptMentionResult } from '../accept-mention/accept-mention.usecase';
import { MappedMention, PolledConnector } from '../connectors/channel-connector';
import { strippedOfCredentials, withoutCredentials } from './channel-settings-feed-subscriptions.adapter';
import { FeedCursorRecord, SeenItem } from './feed-cursor.record';
import { FeedSubscription } from './feed-subscriptions.port';
import { FeedFetchError, fetchFeed, FetchFeedSettings, FetchFunction, FetchOutcome, FeedValidators } from './fetch-feed';

/** The part of AcceptMention the poller uses. */
export interface MentionAcceptor {
  execute(mention: CanonicalMention, context?: AcceptContext): Promise<AcceptMentionResult>;
}

export interface PollFeedSettings {
  fetch: FetchFeedSettings;
  /** Tries of one fetch within a poll (network errors, timeouts, 5xx, 429), with full-jitter backoff. */
  attempts: number;
  retryDelayMs: { initial: number; max: number };
  /** Items remembered per feed beyond those in its last document. */
  rememberedItems: number;
  /** Longest wait after failed polls in a row (the wait doubles from the feed's own interval). */
  maxFailureWaitMs: number;
}

export interface PollFeedDependencies {
  cursors: DocumentCollection<FeedCursorRecord>;
  connector: PolledConnector;
  accept: MentionAcceptor;
  fetch: FetchFunction;
  now: () => Date;
  logger: Logger;
  /** This replica's name in feed leases. */
  owner: string;
  settings: PollFeedSettings;
}

export type PollOutcome =
  | { kind: 'not-due' }
  | { kind: 'leased-elsewhere' }
  | { kind: 'not-modified' }
  | { kind: 'polled'; accepted: number; duplicates: number; rejected: number }
  | { kind: 'failed'; error: string; failures: number }
  | { kind: 'stopped' };

interface Claim {
  cursor: FeedCursorRecord;
  version: number;
}

interface AcceptedItems {
  seen: SeenItem[];
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Set when an item could not be accepted (the bus refused it, say): the rest waits for the next poll. */
  error?: string;
}

/**
 * Polls one feed of one tenant, once, if it is due and no other replica holds it: a conditional
 * fetch, the connector's mapping, and every item not accepted before (or edited since) handed to
 * AcceptMention oldest first. The cursor moves on only past what was accepted, so a crash or a
 * failure at any point neither loses nor repeats an item (a repeat would also be deduplicated
 * by AcceptMention on the natural id).
 */
export class PollFeed {
  /**
   * When each feed is next due, as last read or written here: a round skips a feed that is not
   * due without reading its cursor. Only ever too early (another replica may have pushed the
   * time further), never too late, so nothing is missed.
   */
  private readonly notBefore = new Map<string, number>();

  constructor(private readonly deps: PollFeedDependencies) {}

  async execute(subscription: FeedSubscription, stop: AbortSignal): Promise<PollOutcome> {
    const claimed = await this.claim(subscription);
    if ('kind' in claimed) return claimed;
    try {
      const fetched = await this.fetchWithRetries(subscription.url, claimed.cursor, stop);
      if (fetched.kind === 'not-modified') {
        await this.settle(claimed, subscription, { validators: fetched.validators, seen: claimed.cursor.seen });
        return { kind: 'not-modified' };
      }
      // The source names the feed in each mention (target, audit copy): never with its credentials.
      const mapped = await this.deps.connector.mapDocument(fetched.body, strippedOfCredentials(subscription.url), subscription.settings);
      const result = await this.acceptNew(subscription, mapped, claimed.cursor.seen);
      const seen = rememberSeen(claimed.cursor.seen, result.seen, mapped, this.deps.settings.rememberedItems);
      if (result.error) return await this.fail(claimed, subscription, result.error, seen);
      await this.settle(claimed, subscription, { validators: fetched.validators, seen });
      const counts = { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected };
      if (counts.accepted + counts.rejected > 0) this.log(subscription).info({ ...counts, items: mapped.length }, 'feed polled');
      return { kind: 'polled', ...counts };
    } catch (error) {
      if (stop.aborted) return this.release(claimed);
      return this.fail(claimed, subscription, (error as Error).message, claimed.cursor.seen);
    }
  }

  /** Shutting down is not the feed's fault: the lease is dropped and the feed stays due, for whichever replica is next. */
  private async release(claim: Claim): Promise<PollOutcome> {
    const { lease: _released, ...rest } = claim.cursor;
    await this.write(claim, rest);
    return { kind: 'stopped' };
  }

  /** Writes this replica into the cursor's lease at the version read; any other writer makes it give way. */
  private async claim(subscription: FeedSubscription): Promise<Claim | PollOutcome> {
    const id = cursorId(subscription.tenantId, subscription.url);
    const now = this.deps.now();
    if ((this.notBefore.get(id) ?? 0) > now.getTime()) return { kind: 'not-due' };
    const current = await this.deps.cursors.get(subscription.tenantId, id);
    if (current && Date.parse(current.doc.nextPollAt) > now.getTime()) return this.notDueUntil(id, current.doc.nextPollAt, { kind: 'not-due' });
    const lease = current?.doc.lease;
    if (lease && lease.owner !== this.deps.owner && Date.parse(lease.until) > now.getTime()) return this.notDueUntil(id, lease.until, { kind: 'leased-elsewhere' });
    const cursor: FeedCursorRecord = {
      ...(current?.doc ?? { id, tenantId: subscription.tenantId, url: subscription.url, seen: [], failures: 0, nextPollAt: now.toISOString() }),
      lease: { owner: this.deps.owner, until: new Date(now.getTime() + this.leaseMs()).toISOString() },
    };
    try {
      const written = current ? await this.deps.cursors.replace(cursor, current.version) : await this.deps.cursors.insert(cursor);
      return { cursor: written.doc, version: written.version };
    } catch (error) {
      if (error instanceof VersionConflictError || error instanceof DuplicateDocumentError) return { kind: 'leased-elsewhere' };
      throw error;
    }
  }

  private notDueUntil(id: string, time: string, outcome: PollOutcome): PollOutcome {
    this.notBefore.set(id, Date.parse(time));
    return outcome;
  }

  /** Long enough for every try of a fetch and the accepting after it; a replica that dies frees the feed when it runs out. */
  private leaseMs(): number {
    const { attempts, fetch, retryDelayMs } = this.deps.settings;
    return attempts * (fetch.timeoutMs + retryDelayMs.max) + 60_000;
  }

  private fetchWithRetries(url: string, cursor: FeedCursorRecord, stop: AbortSignal): Promise<FetchOutcome> {
    const { attempts, retryDelayMs, fetch } = this.deps.settings;
    return backOff(() => fetchFeed(this.deps.fetch, url, { etag: cursor.etag, lastModified: cursor.lastModified }, fetch, stop), {
      numOfAttempts: attempts,
      startingDelay: retryDelayMs.initial,
      maxDelay: retryDelayMs.max,
      jitter: 'full',
      retry: (error: unknown) => error instanceof FeedFetchError && error.retryable && !stop.aborted,
    });
  }

  private async acceptNew(subscription: FeedSubscription, mapped: MappedMention[], seen: SeenItem[]): Promise<AcceptedItems> {
    const known = new Map(seen.map((item) => [item.id, item]));
    const fresh = mapped.filter(({ mention }) => isNew(mention, known.get(mention.externalId)));
    // Oldest first: a reply's parent is accepted before the reply, and a stop leaves no gap behind.
    fresh.sort((a, b) => a.mention.createdAt.localeCompare(b.mention.createdAt));
    const result: AcceptedItems = { seen: [], accepted: 0, duplicates: 0, rejected: 0 };
    for (const { mention: mapped, native } of fresh) {
      const mention: CanonicalMention = { ...mapped, tenantId: subscription.tenantId };
      const entry: SeenItem = { id: mention.externalId, at: mention.createdAt, ...(mention.editedAt ? { editedAt: mention.editedAt } : {}) };
      const problems = canonicalMentionProblems(mention);
      if (problems.length) {
        // Retrying cannot fix the item; it is skipped until the publisher changes it.
        this.log(subscription).warn({ externalId: mention.externalId, problems }, 'feed item is not a valid mention: skipped');
        result.seen.push({ ...entry, rejected: true });
        result.rejected++;
        continue;
      }
      try {
        const outcome = await this.deps.accept.execute(mention, { native });
        result.seen.push(entry);
        if (outcome.duplicate) result.duplicates++;
        else result.accepted++;
      } catch (error) {
        result.error = `accepting ${mention.externalId} failed: ${(error as Error).message}`;
        break;
      }
    }
    return result;
  }

  /** Success: new validators and seen items, the lease released, the next poll one interval away. */
  private async settle(claim: Claim, subscription: FeedSubscription, update: { validators: FeedValidators; seen: SeenItem[] }): Promise<void> {
    const now = this.deps.now();
    const newest = update.seen.reduce<string | undefined>((max, item) => (!max || item.at > max ? item.at : max), claim.cursor.newestItemAt);
    const { lease: _released, lastError: _cleared, etag: _etag, lastModified: _lastModified, ...rest } = claim.cursor;
    await this.write(claim, {
      ...rest,
      ...(update.validators.etag ? { etag: update.validators.etag } : {}),
      ...(update.validators.lastModified ? { lastModified: update.validators.lastModified } : {}),
      seen: update.seen,
      ...(newest ? { newestItemAt: newest } : {}),
      lastPolledAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      failures: 0,
      nextPollAt: new Date(now.getTime() + subscription.pollIntervalSeconds * 1000).toISOString(),
    });
  }

  /**
   * Failure: logged, never thrown. The validators stay as they were (so the next poll fetches the
   * whole feed again and nothing is lost), and each failure in a row doubles the wait.
   */
  private async fail(claim: Claim, subscription: FeedSubscription, error: string, seen: SeenItem[]): Promise<PollOutcome> {
    const now = this.deps.now();
    const failures = claim.cursor.failures + 1;
    const interval = subscription.pollIntervalSeconds * 1000;
    const wait = Math.max(interval, Math.min(interval * 2 ** (failures - 1), this.deps.settings.maxFailureWaitMs));
    const nextPollAt = new Date(now.getTime() + wait).toISOString();
    const { lease: _released, ...rest } = claim.cursor;
    try {
      await this.write(claim, { ...rest, seen, failures, lastError: error.slice(0, 500), lastPolledAt: now.toISOString(), nextPollAt });
    } catch (writeError) {
      this.log(subscription).error({ err: writeError }, 'could not record the failed poll of a feed');
    }
    this.log(subscription).warn({ error, failures, nextPollAt }, 'feed poll failed');
    return { kind: 'failed', error, failures };
  }

  /**
   * Writes at the claimed version. If the lease ran out and another replica wrote meanwhile, its
   * cursor is kept and only the items seen here are added to it: nothing is forgotten either way.
   */
  private async write(claim: Claim, next: FeedCursorRecord): Promise<void> {
    this.notBefore.set(next.id, Date.parse(next.nextPollAt));
    try {
      await this.deps.cursors.replace(next, claim.version);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      await upsertDocument(this.deps.cursors, next.tenantId, next.id, (current) =>
        current ? { ...current, seen: mergeSeen(current.seen, next.seen, this.deps.settings.rememberedItems) } : next,
      );
    }
  }

  private log(subscription: FeedSubscription): Logger {
    return this.deps.logger.child({ tenantId: subscription.tenantId, channel: 'rss', feed: withoutCredentials(subscription.url) });
  }
}

export function cursorId(tenantId: string, url: string): string {
  return deriveId('feed-cursor', tenantId, url);
}

/** Not handled before, or edited since the version handled. */
function isNew(mention: MappedMention['mention'], seen: SeenItem | undefined): boolean {
  if (!seen) return true;
  return !!mention.editedAt && (!seen.editedAt || mention.editedAt > seen.editedAt);
}

/**
 * The seen list after a poll: every handled item still in the document (those must not be
 * forgotten while the publisher still lists them), then the most recent others up to `limit`.
 */
function rememberSeen(previous: SeenItem[], handled: SeenItem[], mapped: MappedMention[], limit: number): SeenItem[] {
  const inDocument = new Set(mapped.map((m) => m.mention.externalId));
  const byId = new Map(previous.map((item) => [item.id, item]));
  for (const item of handled) byId.set(item.id, item);
  const all = [...byId.values()];
  const current = all.filter((item) => inDocument.has(item.id));
  const older = all
    .filter((item) => !inDocument.has(item.id))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, Math.max(0, limit - current.length));
  return [...current, ...older].sort((a, b) => a.at.localeCompare(b.at));
}

function mergeSeen(theirs: SeenItem[], ours: SeenItem[], limit: number): SeenItem[] {
  const byId = new Map(theirs.map((item) => [item.id, item]));
  for (const item of ours) if (!byId.has(item.id) || (item.editedAt ?? '') > (byId.get(item.id)?.editedAt ?? '')) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at)).slice(-Math.max(limit, ours.length));
}
