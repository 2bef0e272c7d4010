import { CollectionDefinition } from '@cxm/platform-store';
import { ChannelSettings } from '../connectors/channel-connector';

/** A tenant's settings for one channel (id = the channel). Holds secrets: never logged, never answered. */
export interface ChannelSettingsRecord {
  id: string;
  tenantId: string;
  channel: string;
  values: ChannelSettings;
  /** When each key got its current value. */
  setAt: Record<string, string>;
  updatedAt: string;
}

export const CHANNEL_SETTINGS: CollectionDefinition = { name: 'ingest_channel_settings', indexes: [] };

/** What the API shows of a channel's settings: which keys are set, and since when — never their values. */
export interface ChannelSettingsView {
  tenantId: string;
  channel: string;
  keys: { name: string; setAt: string }[];
  updatedAt: string;
}

export function viewOf(record: ChannelSettingsRecord): ChannelSettingsView {
  return {
    tenantId: record.tenantId,
    channel: record.channel,
    keys: Object.keys(record.values)
      .sort()
      .map((name) => ({ name, setAt: record.setAt[name] })),
    updatedAt: record.updatedAt,
  };
}
