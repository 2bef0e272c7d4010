import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseQueryOrProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess, validationProblem } from '@cxm/platform-http';
import { InvalidCursorError, MENTION_INDEX, MentionIndex, SEARCH_FIELD_NAMES, SearchResult } from '@cxm/platform-index';
import { SearchQueryDto } from './search-query.dto';

@ApiTags('search')
@Controller('v1/search')
export class SearchController {
  constructor(
    @Inject(MENTION_INDEX) private readonly index: MentionIndex,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search mentions, newest first, with cursor pagination' })
  async search(@Query() params: SearchQueryDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<SearchResult> {
    const tenantId = this.tenants.resolve(principal, tenant);
    try {
      return await this.index.search(tenantId, parseQueryOrProblem(params.q ?? '', { fields: SEARCH_FIELD_NAMES }, 'q'), { limit: params.limit ?? 20, cursor: params.cursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw validationProblem([{ field: 'cursor', message: error.message }]);
      throw error;
    }
  }
}
