import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, parseQueryOrProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { REPROCESS_FIELDS } from './reprocess-fields';
import { REPROCESS_JOBS, ReprocessJob } from './reprocess-job';
import { StartReprocessDto } from './reprocess.dto';
import { RunReprocessJob } from './run-reprocess-job.usecase';

@ApiTags('classification')
@Controller('v1/reprocess')
export class ReprocessController {
  private readonly jobs: DocumentCollection<ReprocessJob>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly runner: RunReprocessJob,
  ) {
    this.jobs = store.collection<ReprocessJob>(REPROCESS_JOBS);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-classify past mentions with the current models; follow progress at GET /v1/reprocess/{id}' })
  async start(@Body() body: StartReprocessDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<ReprocessJob> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const query = body.query ?? '';
    parseQueryOrProblem(query, { fields: REPROCESS_FIELDS }, 'query');
    const now = new Date().toISOString();
    const job: ReprocessJob = { id: randomUUID(), tenantId, query, fromTime: body.fromTime, toTime: body.toTime, status: 'running', scanned: 0, matched: 0, reclassified: 0, startedAt: now, updatedAt: now };
    await this.jobs.insert(job);
    this.runner.launch(job);
    return job;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress of a reprocessing job' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<ReprocessJob> {
    const found = await this.jobs.get(this.tenants.resolve(principal, tenant), id);
    if (!found) throw notFoundProblem(`no reprocessing job ${id}`);
    return found.doc;
  }
}
