import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import type { FastifyReply } from 'fastify';
import { ActingUser, requireUser } from '../common/acting-user';
import { checkedIdempotencyKey } from '../common/idempotency';
import { ListPage } from '../common/store-cursor';
import { SavedSearchView } from './saved-search';
import { ListSavedSearchesDto, SavedSearchBodyDto } from './saved-search.dto';
import { ManageSavedSearches } from './manage-saved-searches.usecase';

const USER_HEADER_DOC = { name: 'X-User-Id', description: 'The acting user, set by the calling front-end (required to create, change or delete)', required: false };

@ApiTags('saved searches')
@ApiHeader(USER_HEADER_DOC)
@Controller('v1/saved-searches')
export class SavedSearchesController {
  constructor(
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly savedSearches: ManageSavedSearches,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Save a search (201; a repeat with the same Idempotency-Key answers 200 with the same search)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the request with the same key to get the same search, created once' })
  async create(
    @Body() body: SavedSearchBodyDto,
    @Res({ passthrough: true }) response: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @ActingUser() user?: string,
    @RequestedTenant() tenant?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SavedSearchView> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const { search, created } = await this.savedSearches.create(tenantId, requireUser(user), body, checkedIdempotencyKey(idempotencyKey));
    response.status(created ? 201 : 200);
    return search;
  }

  @Get()
  @ApiOperation({ summary: 'Saved searches the caller may read (their own, shared with them, and tenant-wide), by id, cursor-paginated' })
  list(@Query() params: ListSavedSearchesDto, @CurrentPrincipal() principal: Principal, @ActingUser() user?: string, @RequestedTenant() tenant?: string): Promise<ListPage<SavedSearchView>> {
    return this.savedSearches.list(this.tenants.resolve(principal, tenant), user, { limit: params.limit ?? 20, cursor: params.cursor, owner: params.owner });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One saved search (404 unless the caller may read it)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @ActingUser() user?: string, @RequestedTenant() tenant?: string): Promise<SavedSearchView> {
    return this.savedSearches.get(this.tenants.resolve(principal, tenant), user, id);
  }

  @Put(':id')
  @ApiOperation({ summary: "Replace a saved search's name, query, description and sharing (owner only)" })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: SavedSearchBodyDto, @CurrentPrincipal() principal: Principal, @ActingUser() user?: string, @RequestedTenant() tenant?: string): Promise<SavedSearchView> {
    return this.savedSearches.update(this.tenants.resolve(principal, tenant), requireUser(user), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved search (owner only); its monitors stop evaluating' })
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @ActingUser() user?: string, @RequestedTenant() tenant?: string): Promise<void> {
    await this.savedSearches.remove(this.tenants.resolve(principal, tenant), requireUser(user), id);
  }
}
