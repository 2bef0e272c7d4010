import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, RequestedTenant, TENANT_ACCESS, TenantAccess, validationProblem } from '@cxm/platform-http';
import { InvalidCursorError, MENTION_INDEX, MentionIndex, SEARCH_FIELD_NAMES, SearchResult } from '@cxm/platform-index';
import { parseQuery, QueryNode, QuerySyntaxError } from '@cxm/query';
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
      return await this.index.search(tenantId, parse(params.q ?? ''), { limit: params.limit ?? 20, cursor: params.cursor });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw validationProblem([{ field: 'cursor', message: error.message }]);
      throw error;
    }
  }
}

function parse(q: string): QueryNode {
  try {
    return parseQuery(q, { fields: SEARCH_FIELD_NAMES });
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw new ProblemException({
      type: '/problems/query-syntax-error',
      title: 'Query syntax error',
      status: 400,
      detail: error.message,
      position: error.position,
      expected: error.expected,
      errors: [{ field: 'q', message: error.message }],
    });
  }
}
