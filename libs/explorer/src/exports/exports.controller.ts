import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, LOGGER, parseQueryOrProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { Logger } from '@cxm/platform-logging';
import { QueryNode } from '@cxm/query';
import type { FastifyReply } from 'fastify';
import { ActingUser } from '../common/acting-user';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { CONTENT_TYPES, ExportFormat } from './export-format';
import { ExportMentions } from './export-mentions.usecase';
import { ExportOptionsDto, ExportQueryDto } from './export.dto';

const STREAM_DOC = { description: 'The mentions, newest first, streamed: CSV (header row, columns in docs/api.md) or NDJSON (one mention document per line). `X-Total-Count`: how many will be written.' };

@ApiTags('search')
@Controller()
export class ExportsController {
  constructor(
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly exporter: ExportMentions,
    private readonly savedSearches: ManageSavedSearches,
  ) {}

  @Get('v1/search/export')
  @ApiOperation({ summary: 'Export every mention a query matches as CSV or NDJSON, streamed (a syntax error is a 400 before anything is written)' })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.ndjson)
  @ApiOkResponse(STREAM_DOC)
  async exportQuery(@Query() params: ExportQueryDto, @Res() response: FastifyReply, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<void> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const query = parseQueryOrProblem(params.q ?? '', { fields: SEARCH_FIELD_NAMES }, 'q');
    await this.stream(response, tenantId, query, params, 'mentions');
  }

  @Get('v1/saved-searches/:id/export')
  @ApiOperation({ summary: "Export a saved search's result as CSV or NDJSON, streamed" })
  @ApiHeader({ name: 'X-User-Id', required: false, description: 'The acting user (needed for a private search)' })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.ndjson)
  @ApiOkResponse(STREAM_DOC)
  async exportSaved(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() params: ExportOptionsDto,
    @Res() response: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @ActingUser() user?: string,
    @RequestedTenant() tenant?: string,
  ): Promise<void> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const saved = await this.savedSearches.readable(tenantId, user, id);
    await this.stream(response, tenantId, parseQueryOrProblem(saved.query, { fields: SEARCH_FIELD_NAMES }, 'query'), params, `saved-search-${id}`);
  }

  private async stream(reply: FastifyReply, tenantId: string, query: QueryNode, options: ExportOptionsDto, name: string): Promise<void> {
    const format: ExportFormat = options.format ?? 'csv';
    const opened = await this.exporter.open(tenantId, query, format, options.limit);
    // From here the export writes to Node.js's response itself, page by page; until here, an error is the problem filter's answer.
    reply.hijack();
    const response = reply.raw;
    response.statusCode = 200;
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}"`);
    response.setHeader('X-Total-Count', String(opened.count));
    try {
      await opened.writeTo(response);
    } catch (error) {
      // Headers are out: the only honest signal left is a cut connection (no final chunk).
      if (!response.destroyed) this.logger.error({ err: error, tenantId }, 'export failed while streaming');
      response.destroy();
    }
  }
}
