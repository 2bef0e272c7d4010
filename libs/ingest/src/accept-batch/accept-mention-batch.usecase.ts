import { HttpException, Inject, Injectable } from '@nestjs/common';
import { CanonicalMention, certainlyValid, instantiateValidated } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { Principal, TENANT_ACCESS, TenantAccess, fieldProblems, validationProblem } from '@cxm/platform-http';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { setImmediate as nextTurnOfTheEventLoop } from 'node:timers/promises';
import { AcceptMention } from '../accept-mention/accept-mention.usecase';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { BatchItemResult, BatchResult } from './mention-batch.dto';

/**
 * Accepts many canonical mentions in one request (bulk import). Each item is validated and
 * accepted on its own — exactly as `POST /v1/mentions` would — and answered with its own status;
 * an item is reported 202 only once its event is durably stored. All items are in flight at once,
 * so their writes share the journals' group commits; they are started a slice at a time so that
 * other requests are read in between.
 */
/** Items started per turn of the event loop (see startInSlices). */
const BATCH_SLICE = 20;

@Injectable()
export class AcceptMentionBatch {
  constructor(
    private readonly acceptMention: AcceptMention,
    private readonly metrics: IngestMetrics,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async execute(items: unknown[], principal: Principal): Promise<BatchResult> {
    const max = this.config.ingest.maxBatchItems;
    if (items.length > max) throw validationProblem([{ field: 'items', message: `at most ${max} items per batch (got ${items.length})` }]);
    const results = await Promise.all(await this.startInSlices(items, principal));
    return {
      items: results,
      accepted: results.filter((r) => r.status === 202 && !r.edited).length,
      edited: results.filter((r) => r.edited).length,
      duplicates: results.filter((r) => r.status === 200).length,
      rejected: results.filter((r) => r.status >= 400 && r.status < 500).length,
      failed: results.filter((r) => r.status >= 500).length,
    };
  }

  /**
   * Starts every item, a slice at a time with a turn of the event loop in between. All items are
   * still in flight together (their writes share group commits), but the synchronous part of 500
   * items (validation, ids, the event) no longer runs as one block of ~100 ms during which no
   * other request — a platform's webhook, a search — could be read: live traffic keeps its
   * latency while an import runs.
   */
  private async startInSlices(items: unknown[], principal: Principal): Promise<Promise<BatchItemResult>[]> {
    const started: Promise<BatchItemResult>[] = [];
    for (let start = 0; start < items.length; start += BATCH_SLICE) {
      if (start > 0) await nextTurnOfTheEventLoop();
      const end = Math.min(items.length, start + BATCH_SLICE);
      // acceptItem answers every failure as a result, so nothing started here can reject unobserved.
      for (let index = start; index < end; index++) started.push(this.acceptItem(items[index], index, principal));
    }
    return started;
  }

  private async acceptItem(item: unknown, index: number, principal: Principal): Promise<BatchItemResult> {
    const raw = item as { tenantId?: unknown; channel?: unknown } | null;
    try {
      const mention = validMention(item);
      this.tenants.resolve(principal, mention.tenantId, 'tenantId');
      const result = await this.acceptMention.execute(mention);
      return { index, status: result.duplicate ? 200 : 202, ...result };
    } catch (error) {
      if (!(error instanceof HttpException)) return { index, status: 500, detail: 'not stored; resend it' };
      const status = error.getStatus();
      const body = error.getResponse() as { detail?: string; errors?: BatchItemResult['errors'] };
      if (status < 500) this.metrics.countRejection(raw?.tenantId, raw?.channel, status);
      return { index, status, detail: body.detail, errors: body.errors };
    }
  }
}

/**
 * The same checks the global validation pipe applies to `POST /v1/mentions` (unknown fields
 * refused); synchronous, as the constraints are, which spares a promise per constraint. A valid
 * item is recognised by the compiled validator and built as class-transformer would build it
 * (declared fields first, nested classes); anything else goes through class-transformer and
 * class-validator, whose messages the 400 quotes (ADR 0022, compiled validation).
 */
export function validMention(item: unknown): CanonicalMention {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw validationProblem([{ field: '', message: 'an item must be a JSON object' }]);
  if (certainlyValid(CanonicalMention, item, { forbidNonWhitelisted: true })) return instantiateValidated(CanonicalMention, item);
  const mention = plainToInstance(CanonicalMention, item);
  const errors = validateSync(mention, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationProblem(fieldProblems(errors));
  return mention;
}
