import { Inject, Injectable, Optional } from '@nestjs/common';
import { CanonicalMention, canonicalIso, conversationKey, createEvent, deriveId, isoNow, Mention } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, DuplicateDocumentError, VersionConflictError, Versioned } from '@cxm/platform-store';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { PublishGate } from '../protection/publish-gate';
import { ACCEPTED_MENTIONS, AcceptedMentionRecord } from './accepted-mention.record';
import { boundedJson, NATIVE_PAYLOADS, NativePayloadRecord } from './native-payload.record';
import { RecentKeys } from './recent-keys';
import { decideRevision, editedAtMs, SeenRevision, textDigest } from './revision-decision';

/** What came with the mention besides its canonical form. */
export interface AcceptContext {
  /** The platform's native payload the mention was mapped from (connectors), kept for audit. */
  native?: unknown;
}

export interface AcceptMentionResult {
  id: string;
  /** True when (tenant, channel, externalId) was accepted before at this revision: nothing new was published. */
  duplicate: boolean;
  /** True when this was a later revision (later `editedAt`, changed text) of an accepted mention: it was re-published. */
  edited?: boolean;
}

/**
 * What the ingest routes call to accept a mention: AcceptMention itself, or, on a thread whose
 * mentions another thread accepts, AcceptOnAnotherThread (ADR 0032).
 */
export type MentionAcceptance = Pick<AcceptMention, 'execute'>;

/** The settings AcceptMention needs; the defaults are those of docs/configuration.md. */
export type AcceptMentionSettings = Pick<PlatformConfig['ingest'], 'dedupWindowMs' | 'dedupCacheSize' | 'nativeMaxBytes'>;
const DEFAULT_SETTINGS: AcceptMentionSettings = { dedupWindowMs: 30 * 86_400_000, dedupCacheSize: 100_000, nativeMaxBytes: 65_536 };

/**
 * Accepts one canonical mention exactly once: gives it its id (from the natural key), resolves its
 * conversation, and publishes `mentions.raw`. Resolves only once the event is durably stored —
 * that is what a 202 promises. A repeat is a duplicate; a later revision is an edit (ADR 0013).
 */
@Injectable()
export class AcceptMention {
  private readonly accepted: DocumentCollection<AcceptedMentionRecord>;
  private readonly natives: DocumentCollection<NativePayloadRecord>;
  private readonly settings: AcceptMentionSettings;
  private readonly recent: RecentKeys;
  /** Per mention id, the tail of the work in progress: one process decides one key at a time. */
  private readonly inProgress = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(PLATFORM_CONFIG) config?: PlatformConfig,
    @Optional() private readonly metrics: IngestMetrics = new IngestMetrics(),
    @Optional() private readonly gate: PublishGate = new PublishGate(config),
  ) {
    this.accepted = store.collection<AcceptedMentionRecord>(ACCEPTED_MENTIONS);
    this.natives = store.collection<NativePayloadRecord>(NATIVE_PAYLOADS);
    this.settings = config?.ingest ?? DEFAULT_SETTINGS;
    this.recent = new RecentKeys(this.settings.dedupCacheSize);
  }

  execute(input: CanonicalMention, context: AcceptContext = {}): Promise<AcceptMentionResult> {
    const id = deriveId('mention', input.tenantId, input.channel, input.externalId);
    // Identical requests racing in this process are decided one after the other, so the second
    // sees the first's record: one publish, one 202, one 200. Across processes the store decides.
    return this.oneAtATime(id, () => this.decide(id, input, context));
  }

  private async decide(id: string, input: CanonicalMention, context: AcceptContext): Promise<AcceptMentionResult> {
    const now = Date.now();
    const incoming = { editedAtMs: editedAtMs(input.editedAt), textDigest: textDigest(input.text) };
    const cached = this.recent.get(id);
    if (cached && decideRevision(cached, incoming, now, this.settings.dedupWindowMs) === 'duplicate') return this.duplicate(id, input);
    const record = await this.accepted.get(input.tenantId, id);
    const decision = decideRevision(record && seenRevision(record.doc), incoming, now, this.settings.dedupWindowMs);
    if (decision === 'duplicate') {
      this.recent.set(id, seenRevision(record!.doc));
      return this.duplicate(id, input);
    }
    return this.gate.run(() => (decision === 'new' ? this.acceptNew(id, input, context, incoming.textDigest) : this.acceptRevision(record!, input, context, incoming.textDigest, decision === 'edit')));
  }

  private async acceptNew(id: string, input: CanonicalMention, context: AcceptContext, digest: string): Promise<AcceptMentionResult> {
    const mention = this.toMention(id, input, await this.resolveConversation(input));
    await this.publish(mention, id, 'original', context);
    // Recorded after the publish: a crash in between only means a repeat publishes the same event
    // (same event id) again. Losing the insert race to another replica means it was accepted there.
    const record: AcceptedMentionRecord = {
      id,
      tenantId: mention.tenantId,
      channel: mention.channel,
      externalId: mention.externalId,
      conversationId: mention.conversationId,
      acceptedAt: mention.receivedAt,
      lastAcceptedAt: mention.receivedAt,
      editedAt: mention.editedAt,
      textDigest: digest,
      revisions: 1,
    };
    try {
      await this.accepted.insert(record);
    } catch (error) {
      if (!(error instanceof DuplicateDocumentError)) throw error;
      return this.duplicate(id, input);
    }
    this.recent.set(id, seenRevision(record));
    this.metrics.countMention(mention.tenantId, mention.channel, 'accepted');
    this.logger.info({ correlationId: id, tenantId: mention.tenantId, channel: mention.channel, conversationId: mention.conversationId }, 'mention accepted');
    return { id, duplicate: false };
  }

  /** An edit, or a re-acceptance after the dedup window: the same mention id, published again as a new revision. */
  private async acceptRevision(
    current: Versioned<AcceptedMentionRecord>,
    input: CanonicalMention,
    context: AcceptContext,
    digest: string,
    isEdit: boolean,
  ): Promise<AcceptMentionResult> {
    const { id, conversationId } = current.doc;
    // The thread never moves: an edit keeps the conversation the original was filed under.
    const mention = this.toMention(id, input, conversationId);
    // The revision names the event: a redelivered edit is the *same* event, consumers drop it.
    const revision = isEdit ? mention.editedAt! : `reaccepted@${mention.receivedAt}`;
    await this.publish(mention, `${id}@${revision}`, revision, context);
    const next: AcceptedMentionRecord = {
      ...current.doc,
      lastAcceptedAt: mention.receivedAt,
      editedAt: mention.editedAt ?? current.doc.editedAt,
      textDigest: digest,
      revisions: (current.doc.revisions ?? 1) + 1,
    };
    try {
      await this.accepted.replace(next, current.version);
    } catch (error) {
      // Another replica wrote a revision meanwhile; ours is published with its own event id and
      // consumers keep the latest editedAt, so nothing is lost by leaving its record in place.
      if (!(error instanceof VersionConflictError)) throw error;
    }
    this.recent.set(id, seenRevision(next));
    this.metrics.countMention(mention.tenantId, mention.channel, isEdit ? 'edited' : 'accepted');
    this.logger.info({ correlationId: id, tenantId: mention.tenantId, channel: mention.channel, revision }, isEdit ? 'mention edited' : 'mention re-accepted after the dedup window');
    return isEdit ? { id, duplicate: false, edited: true } : { id, duplicate: false };
  }

  private duplicate(id: string, input: CanonicalMention): AcceptMentionResult {
    this.metrics.countMention(input.tenantId, input.channel, 'duplicate');
    this.logger.debug({ correlationId: id, tenantId: input.tenantId, channel: input.channel }, 'repeat of an accepted mention');
    return { id, duplicate: true };
  }

  private toMention(id: string, input: CanonicalMention, conversationId: string): Mention {
    return {
      ...input,
      // One canonical spelling (UTC, milliseconds) so every index sorts and compares times alike.
      createdAt: canonicalIso(input.createdAt),
      ...(input.editedAt === undefined ? {} : { editedAt: canonicalIso(input.editedAt) }),
      id,
      conversationId,
      receivedAt: isoNow(),
    };
  }

  /** The event and the audit copy are written together; the answer waits for both. */
  private async publish(mention: Mention, causationId: string, revision: string, context: AcceptContext): Promise<void> {
    const event = createEvent('mentions.raw', {
      tenantId: mention.tenantId,
      correlationId: mention.id,
      key: conversationKey(mention.tenantId, mention.conversationId),
      causationId,
      payload: { mention },
    });
    await Promise.all([this.bus.publish('mentions.raw', event), context.native === undefined ? undefined : this.keepNative(mention, revision, context.native)]);
  }

  private async keepNative(mention: Mention, revision: string, native: unknown): Promise<void> {
    try {
      await this.natives.insert({
        id: deriveId('native-payload', mention.id, revision),
        tenantId: mention.tenantId,
        mentionId: mention.id,
        channel: mention.channel,
        externalId: mention.externalId,
        revision,
        receivedAt: mention.receivedAt,
        ...boundedJson(native, this.settings.nativeMaxBytes),
      });
    } catch (error) {
      // A redelivery after a crash finds its audit copy already there.
      if (!(error instanceof DuplicateDocumentError)) throw error;
    }
  }

  /**
   * One conversation id per thread, namespaced by channel: the platform's own when given, else the
   * parent's conversation when the parent is known, else the thread root's externalId.
   */
  private async resolveConversation(input: CanonicalMention): Promise<string> {
    if (input.conversationId) return `${input.channel}:${input.conversationId}`;
    if (input.inReplyTo) {
      const parentId = deriveId('mention', input.tenantId, input.channel, input.inReplyTo);
      const parent = await this.accepted.get(input.tenantId, parentId);
      return parent?.doc.conversationId ?? `${input.channel}:${input.inReplyTo}`;
    }
    return `${input.channel}:${input.externalId}`;
  }

  private oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.inProgress.get(key);
    const run = previous ? previous.then(task, task) : task();
    const tail = run.catch(() => undefined);
    this.inProgress.set(key, tail);
    void tail.then(() => {
      if (this.inProgress.get(key) === tail) this.inProgress.delete(key);
    });
    return run;
  }
}

function seenRevision(record: AcceptedMentionRecord): SeenRevision {
  return {
    editedAtMs: editedAtMs(record.editedAt),
    // Records written before edits were tracked have no digest: any later editedAt then counts as an edit.
    textDigest: record.textDigest ?? '',
    lastAcceptedMs: Date.parse(record.lastAcceptedAt ?? record.acceptedAt),
  };
}
