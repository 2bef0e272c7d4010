import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import type { FastifyReply } from 'fastify';
import { ActingUser, requireUser } from '../common/acting-user';
import { checkedIdempotencyKey } from '../common/idempotency';
import { ListPage } from '../common/store-cursor';
import { MonitorView } from './monitor';
import { CreateMonitorDto, ListMonitorsDto } from './monitor.dto';
import { ManageMonitors } from './manage-monitors.usecase';

@ApiTags('alerts')
@Controller('v1')
export class MonitorsController {
  constructor(
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly monitors: ManageMonitors,
  ) {}

  @Post('saved-searches/:id/monitors')
  @ApiOperation({ summary: 'Watch a saved search: a threshold or anomaly monitor (201; a repeat with the same Idempotency-Key answers 200)' })
  @ApiHeader({ name: 'X-User-Id', required: true, description: 'The acting user, who must be able to read the saved search' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @Param('id', ParseUUIDPipe) savedSearchId: string,
    @Body() body: CreateMonitorDto,
    @Res({ passthrough: true }) response: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @ActingUser() user?: string,
    @RequestedTenant() tenant?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<MonitorView> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const { monitor, created } = await this.monitors.create(tenantId, requireUser(user), savedSearchId, body, checkedIdempotencyKey(idempotencyKey));
    response.status(created ? 201 : 200);
    return monitor;
  }

  @Get('monitors')
  @ApiOperation({ summary: "The tenant's monitors, by id, cursor-paginated" })
  list(@Query() params: ListMonitorsDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<ListPage<MonitorView>> {
    return this.monitors.list(this.tenants.resolve(principal, tenant), { limit: params.limit ?? 20, cursor: params.cursor, savedSearchId: params.savedSearchId });
  }

  @Get('monitors/:id')
  @ApiOperation({ summary: 'One monitor with its state (armed or firing, last alert)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<MonitorView> {
    return this.monitors.get(this.tenants.resolve(principal, tenant), id);
  }

  @Delete('monitors/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop and delete a monitor (its creator only); its alerts stay listed' })
  @ApiHeader({ name: 'X-User-Id', required: true })
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @ActingUser() user?: string, @RequestedTenant() tenant?: string): Promise<void> {
    await this.monitors.remove(this.tenants.resolve(principal, tenant), requireUser(user), id);
  }
}
