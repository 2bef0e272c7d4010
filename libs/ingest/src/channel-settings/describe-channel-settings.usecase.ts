import { Injectable } from '@nestjs/common';
import { notFoundProblem } from '@cxm/platform-http';
import { ConnectorRegistry } from '../connectors/connector-registry';
import { ChannelSettingsView, viewOf } from './channel-settings.record';
import { ChannelSettingsRepository } from './channel-settings.repository';

/** Which settings a tenant has set for a channel, and since when; the values never leave the store. */
@Injectable()
export class DescribeChannelSettings {
  constructor(
    private readonly registry: ConnectorRegistry,
    private readonly repository: ChannelSettingsRepository,
  ) {}

  async execute(tenantId: string, channel: string): Promise<ChannelSettingsView> {
    this.registry.get(channel);
    const record = await this.repository.record(tenantId, channel);
    if (!record) throw notFoundProblem(`channel ${channel} is not set up for tenant ${tenantId}`);
    return viewOf(record);
  }
}
