import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { AuthenticatedRequest, ProblemException } from '@cxm/platform-http';
import type { FastifyReply } from 'fastify';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { overloadedProblem, PublishGate } from './publish-gate';
import { TokenBuckets } from './token-bucket';

export function rateLimitedProblem(tenantId: string, retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    type: '/problems/rate-limited',
    title: 'Too many requests',
    status: 429,
    detail: `tenant "${tenantId}" is over its ingest rate; retry after ${retryAfterSeconds} s`,
    retryAfterSeconds,
  });
}

/**
 * The protections every ingest route shares — `POST /v1/mentions`, the batch route and the
 * platform webhooks: apply with `@UseGuards(IngestProtectionGuard)` (provided and exported by
 * IngestModule). In order: refuse at once when the bus is saturated (503), take the tenant's
 * tokens (429 when short), then time the request into the latency histogram when its answer has
 * been sent, with the status actually sent.
 *
 * A guard rather than an interceptor: an interceptor makes Nest wrap every call of the route in
 * an rxjs pipeline and an AsyncResource binding, which cost ingest ~5 % of its CPU per request
 * (docs/performance.md), for nothing these checks need.
 *
 * The tenant is the route's `:tenantId` (webhooks), else the tenant token's, else the body's
 * `tenantId`; a batch costs one token per item, taken from each item's tenant.
 */
@Injectable()
export class IngestProtectionGuard implements CanActivate {
  private readonly buckets: TokenBuckets;
  private readonly tenants: ReadonlySet<string> | undefined;
  /** No rate limit configured (`perSecond` 0): the tenants' costs need not be counted at all. */
  private readonly unlimited: boolean;

  constructor(
    private readonly gate: PublishGate,
    private readonly metrics: IngestMetrics,
    @Optional() @Inject(PLATFORM_CONFIG) config?: PlatformConfig,
  ) {
    const limit = config?.ingest.rateLimit ?? { perSecond: 0, burst: 1 };
    this.buckets = new TokenBuckets(limit.perSecond, limit.burst);
    this.unlimited = limit.perSecond === 0;
    this.tenants = config ? new Set(config.tenants) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const started = performance.now();
    if (this.gate.saturated()) throw overloadedProblem(this.gate.current);
    if (!this.unlimited) {
      for (const [tenantId, cost] of tenantCosts(request, this.tenants)) {
        const wait = this.buckets.take(tenantId, cost);
        if (wait > 0) throw rateLimitedProblem(tenantId, wait);
      }
    }
    const response = http.getResponse<FastifyReply>().raw;
    const route = request.routeOptions.url ?? request.url;
    // Whatever answers the request — the handler, or the problem filter after an error — sets the status sent.
    response.once('finish', () => this.metrics.observeLatency(route, response.statusCode, (performance.now() - started) / 1000));
    return true;
  }
}

/**
 * Which tenants a request spends tokens of, and how many (one per mention it carries). Names that
 * are not configured tenants share one `unknown` bucket (they will be refused anyway): the body is
 * not validated yet, and a bucket per made-up name would let a client grow memory without bound.
 */
export function tenantCosts(request: AuthenticatedRequest, tenants?: ReadonlySet<string>): Map<string, number> {
  const routeTenant = (request.params as Record<string, string> | undefined)?.tenantId;
  const principalTenant = request.principal?.kind === 'tenant' ? request.principal.tenantId : undefined;
  const fixed = routeTenant ?? principalTenant;
  const body = request.body as { tenantId?: unknown; items?: unknown } | undefined;
  const costs = new Map<string, number>();
  const add = (tenant: unknown) => {
    const named = fixed ?? tenant;
    const key = typeof named === 'string' && (!tenants || tenants.has(named)) ? named : 'unknown';
    costs.set(key, (costs.get(key) ?? 0) + 1);
  };
  if (Array.isArray(body?.items)) for (const item of body.items) add((item as { tenantId?: unknown } | null)?.tenantId);
  else add(body?.tenantId);
  return costs;
}
