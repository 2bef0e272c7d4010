import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, validationProblem } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { ChannelSettings } from '../connectors/channel-connector';
import { ConnectorRegistry } from '../connectors/connector-registry';
import { ChannelSettingsView, viewOf } from './channel-settings.record';
import { ChannelSettingsRepository } from './channel-settings.repository';

/** Sets a tenant's settings for one registered channel, refusing them without the keys its connector requires. */
@Injectable()
export class PutChannelSettings {
  constructor(
    private readonly registry: ConnectorRegistry,
    private readonly repository: ChannelSettingsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(tenantId: string, channel: string, settings: ChannelSettings): Promise<ChannelSettingsView> {
    const connector = this.registry.get(channel);
    const values = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    const missing = (connector.requiredSettings ?? []).filter((key) => values[key] === undefined);
    if (missing.length) throw validationProblem(missing.map((field) => ({ field, message: `${field} is required for channel ${channel}` })));
    const record = await this.repository.replace(tenantId, channel, values);
    // Key names only: the values are secrets.
    this.logger.info({ tenantId, channel, keys: Object.keys(values) }, 'channel settings replaced');
    return viewOf(record);
  }
}
