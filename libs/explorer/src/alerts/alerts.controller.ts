import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { ListPage } from '../common/store-cursor';
import { AlertRecord } from './monitor';
import { ListAlertsDto } from './monitor.dto';
import { ManageMonitors } from './manage-monitors.usecase';

@ApiTags('alerts')
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly monitors: ManageMonitors,
  ) {}

  @Get()
  @ApiOperation({ summary: "Alerts the tenant's monitors fired, newest first, cursor-paginated, with the webhook's delivery status" })
  list(@Query() params: ListAlertsDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<ListPage<AlertRecord>> {
    return this.monitors.alertsOf(this.tenants.resolve(principal, tenant), { limit: params.limit ?? 20, cursor: params.cursor, monitorId: params.monitorId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<AlertRecord> {
    return this.monitors.alert(this.tenants.resolve(principal, tenant), id);
  }
}
