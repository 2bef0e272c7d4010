import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { SearchResult } from '@cxm/platform-index';
import { SearchMentions } from './search-mentions.usecase';
import { SearchQueryDto, SearchRequestDto } from './search-request.dto';
import { AggregationResultDto, SearchResponseDto } from './search-response.dto';

@ApiTags('search')
@ApiExtraModels(AggregationResultDto)
@Controller('v1/search')
export class SearchController {
  constructor(
    private readonly searchMentions: SearchMentions,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search mentions: sorted, cursor-paged (search-after, any depth), optionally highlighted' })
  @ApiOkResponse({ type: SearchResponseDto })
  search(@Query() params: SearchQueryDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<SearchResult> {
    const { q, ...page } = params;
    return this.searchMentions.execute({ tenantId: this.tenants.resolve(principal, tenant), query: q ?? '', queryField: 'q', ...page });
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Search mentions with a body: sort, cursor, highlight and aggregations (volume over time, breakdowns, share of voice, one drill-down)' })
  @ApiOkResponse({ type: SearchResponseDto })
  searchWithBody(@Body() body: SearchRequestDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<SearchResult> {
    return this.searchMentions.execute({ tenantId: this.tenants.resolve(principal, tenant), queryField: 'query', ...body });
  }
}
