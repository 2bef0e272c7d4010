import { Controller, Get, Header } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, forbiddenProblem, Principal } from '@cxm/platform-http';
import { IngestMetrics } from './ingest-metrics';

/**
 * Prometheus scrape endpoint, outside `/v1` where scrapers expect it. It needs the admin token:
 * its labels name every tenant, and a tenant's token must not reveal another tenant's traffic.
 */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: IngestMetrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format): ingest counts per tenant, channel and outcome, latency, process. Admin token only.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4' })
  @ApiForbiddenResponse({ description: 'A tenant token: metrics span every tenant' })
  scrape(@CurrentPrincipal() principal: Principal): Promise<string> {
    if (principal?.kind !== 'admin') throw forbiddenProblem('metrics span every tenant: use the admin token');
    return this.metrics.render();
  }
}
