import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, forbiddenProblem, notFoundProblem, Principal } from '@cxm/platform-http';
import { RebuildMentionIndex } from './rebuild-mention-index.usecase';
import { ReindexJob } from './reindex-job';

/** Reindexing spans every tenant: only the admin token may start or follow it. */
@ApiTags('admin')
@Controller('v1/admin/reindex')
export class ReindexController {
  constructor(private readonly rebuild: RebuildMentionIndex) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild the search index from the mention stories into a new versioned index and swap it in with no downtime (admin token only)' })
  @ApiAcceptedResponse({ description: 'The job, recorded; follow it at GET /v1/admin/reindex/{id}' })
  start(@CurrentPrincipal() principal: Principal): Promise<ReindexJob> {
    requireAdmin(principal);
    return this.rebuild.start();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress of a reindex job (admin token only)' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ReindexJob> {
    requireAdmin(principal);
    const job = await this.rebuild.get(id);
    if (!job) throw notFoundProblem(`no reindex job ${id}`);
    return job;
  }
}

function requireAdmin(principal: Principal | undefined): void {
  if (principal?.kind !== 'admin') throw forbiddenProblem('only the admin token may reindex');
}
