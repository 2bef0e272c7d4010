import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { ChannelSettingsView } from './channel-settings.record';
import { PutChannelSettingsDto } from './channel-settings.dto';
import { DescribeChannelSettings } from './describe-channel-settings.usecase';
import { PutChannelSettings } from './put-channel-settings.usecase';

@ApiTags('channels')
@Controller('v1/tenants/:tenantId/channels')
export class ChannelSettingsController {
  constructor(
    private readonly putSettings: PutChannelSettings,
    private readonly describeSettings: DescribeChannelSettings,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Put(':channel')
  @ApiOperation({ summary: "Set (replace) a tenant's credentials and settings for one channel. Secrets are write-only: the answer names the keys that are set, never their values." })
  @ApiOkResponse({ description: '`{tenantId, channel, keys: [{name, setAt}], updatedAt}`' })
  @ApiBadRequestResponse({ description: 'A bad, unknown or missing required key, named in `errors`' })
  @ApiNotFoundResponse({ description: 'No connector is registered for the channel' })
  put(@Param('tenantId') tenantId: string, @Param('channel') channel: string, @Body() body: PutChannelSettingsDto, @CurrentPrincipal() principal: Principal): Promise<ChannelSettingsView> {
    return this.putSettings.execute(this.tenants.resolve(principal, tenantId, 'tenantId'), channel, { ...body });
  }

  @Get(':channel')
  @ApiOperation({ summary: "Which of a channel's settings are set, and when (never their values)" })
  @ApiOkResponse({ description: '`{tenantId, channel, keys: [{name, setAt}], updatedAt}`' })
  @ApiNotFoundResponse({ description: 'Unknown channel, or not set up for this tenant' })
  get(@Param('tenantId') tenantId: string, @Param('channel') channel: string, @CurrentPrincipal() principal: Principal): Promise<ChannelSettingsView> {
    return this.describeSettings.execute(this.tenants.resolve(principal, tenantId, 'tenantId'), channel);
  }
}
