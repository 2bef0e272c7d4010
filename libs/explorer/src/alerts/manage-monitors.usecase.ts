import { Inject, Injectable } from '@nestjs/common';
import { deriveId } from '@cxm/contracts';
import { forbiddenProblem, notFoundProblem, validationProblem } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { insertOnce, requestFingerprint } from '../common/idempotency';
import { decodeStoreCursor, encodeStoreCursor, ListPage } from '../common/store-cursor';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { ALERTS, AlertRecord, Monitor, MONITOR_STATES, MonitorState, MonitorView, MONITORS, toMonitorView } from './monitor';
import { CreateMonitorDto } from './monitor.dto';

const DEFAULTS = { metric: 'volume', sensitivity: 3, baselineWindows: 12, minCount: 5, windowSeconds: 300, cooldownSeconds: 3_600 } as const;

/**
 * Monitors on saved searches, and the alerts they fired. Monitors and alerts are the tenant's
 * (any user of the tenant lists them: alerting is a team's business); a monitor is created by a
 * user who may read the saved search, and only that user deletes it.
 */
@Injectable()
export class ManageMonitors {
  private readonly monitors: DocumentCollection<Monitor>;
  private readonly states: DocumentCollection<MonitorState>;
  private readonly alerts: DocumentCollection<AlertRecord>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    private readonly savedSearches: ManageSavedSearches,
  ) {
    this.monitors = store.collection<Monitor>(MONITORS);
    this.states = store.collection<MonitorState>(MONITOR_STATES);
    this.alerts = store.collection<AlertRecord>(ALERTS);
  }

  async create(tenantId: string, userId: string, savedSearchId: string, input: CreateMonitorDto, idempotencyKey?: string, now = new Date()): Promise<{ monitor: MonitorView; created: boolean }> {
    const search = await this.savedSearches.readable(tenantId, userId, savedSearchId);
    checkRule(input);
    const fingerprint = idempotencyKey === undefined ? undefined : requestFingerprint({ savedSearchId, ...input });
    const windowSeconds = input.windowSeconds ?? DEFAULTS.windowSeconds;
    const at = now.toISOString();
    const monitor: Monitor = {
      id: idempotencyKey === undefined ? randomUUID() : deriveId('monitor', tenantId, userId, idempotencyKey),
      tenantId,
      savedSearchId,
      ownerId: userId,
      name: input.name ?? search.name,
      rule: input.rule,
      metric: input.metric ?? DEFAULTS.metric,
      threshold: input.threshold,
      sensitivity: input.sensitivity ?? DEFAULTS.sensitivity,
      baselineWindows: input.baselineWindows ?? DEFAULTS.baselineWindows,
      minCount: input.minCount ?? DEFAULTS.minCount,
      windowSeconds,
      cooldownSeconds: input.cooldownSeconds ?? DEFAULTS.cooldownSeconds,
      rearmAfterSeconds: input.rearmAfterSeconds ?? windowSeconds,
      webhookUrl: input.webhookUrl,
      status: 'active',
      createdAt: at,
      updatedAt: at,
      requestFingerprint: fingerprint,
    };
    const { doc, created } = await insertOnce(this.monitors, monitor);
    return { monitor: toMonitorView(doc), created };
  }

  async get(tenantId: string, id: string): Promise<MonitorView> {
    const found = await this.monitors.get(tenantId, id);
    if (!found || found.doc.status !== 'active') throw notFoundProblem(`no monitor ${id}`);
    return toMonitorView(found.doc, (await this.states.get(tenantId, id))?.doc);
  }

  async list(tenantId: string, options: { limit: number; cursor?: string; savedSearchId?: string }): Promise<ListPage<MonitorView>> {
    const filter = { status: 'active', ...(options.savedSearchId ? { savedSearchId: options.savedSearchId } : {}) };
    const page = await this.monitors.find(tenantId, filter, { limit: options.limit, afterId: decodeStoreCursor(options.cursor) });
    return { items: page.map((m) => toMonitorView(m)), nextCursor: page.length === options.limit ? encodeStoreCursor(page[page.length - 1].id) : null };
  }

  async remove(tenantId: string, userId: string, id: string, now = new Date()): Promise<void> {
    const found = await this.monitors.get(tenantId, id);
    if (!found || found.doc.status !== 'active') throw notFoundProblem(`no monitor ${id}`);
    if (found.doc.ownerId !== userId) throw forbiddenProblem(`only its owner may delete monitor ${id}`);
    await this.monitors.replace({ ...found.doc, status: 'deleted', updatedAt: now.toISOString() }, found.version);
  }

  /** Newest first (alert ids begin with the time they fired). */
  async alertsOf(tenantId: string, options: { limit: number; cursor?: string; monitorId?: string }): Promise<ListPage<AlertRecord>> {
    const page = await this.alerts.find(tenantId, options.monitorId ? { monitorId: options.monitorId } : {}, { limit: options.limit, afterId: decodeStoreCursor(options.cursor), descending: true });
    return { items: page, nextCursor: page.length === options.limit ? encodeStoreCursor(page[page.length - 1].id) : null };
  }

  async alert(tenantId: string, id: string): Promise<AlertRecord> {
    const found = await this.alerts.get(tenantId, id);
    if (!found) throw notFoundProblem(`no alert ${id}`);
    return found.doc;
  }
}

function checkRule(input: CreateMonitorDto): void {
  if (input.rule === 'threshold' && input.metric === 'negativeShare' && (input.threshold ?? 0) > 1) {
    throw validationProblem([{ field: 'threshold', message: 'a negativeShare threshold is a share from 0 to 1' }]);
  }
}
