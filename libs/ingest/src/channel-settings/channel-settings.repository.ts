import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { isDeepStrictEqual } from 'node:util';
import { ChannelSettings } from '../connectors/channel-connector';
import { CHANNEL_SETTINGS, ChannelSettingsRecord } from './channel-settings.record';

/**
 * Where tenants' channel settings live (the document store, one document per tenant and
 * channel). Connectors receive what `read` returns; the feed poller reads its feeds here too.
 */
@Injectable()
export class ChannelSettingsRepository {
  private readonly settings: DocumentCollection<ChannelSettingsRecord>;

  constructor(@Inject(DOCUMENT_STORE) store: DocumentStore) {
    this.settings = store.collection<ChannelSettingsRecord>(CHANNEL_SETTINGS);
  }

  async read(tenantId: string, channel: string): Promise<ChannelSettings | undefined> {
    return (await this.settings.get(tenantId, channel))?.doc.values;
  }

  async record(tenantId: string, channel: string): Promise<ChannelSettingsRecord | undefined> {
    return (await this.settings.get(tenantId, channel))?.doc;
  }

  /** Replaces the channel's settings; a key keeps its `setAt` when its value did not change. */
  async replace(tenantId: string, channel: string, values: ChannelSettings): Promise<ChannelSettingsRecord> {
    const now = new Date().toISOString();
    const written = await upsertDocument(this.settings, tenantId, channel, (current) => ({
      id: channel,
      tenantId,
      channel,
      values,
      setAt: Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, current && isDeepStrictEqual(current.values[key], value) ? current.setAt[key] : now]),
      ),
      updatedAt: now,
    }));
    return written!.doc;
  }
}
