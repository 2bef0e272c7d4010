import { Logger } from '@cxm/platform-logging';
import { ChannelSettings } from '../connectors/channel-connector';
import { ChannelSettingsSource, FeedSubscription, FeedSubscriptions } from './feed-subscriptions.port';

/** Bounds on a tenant's `pollIntervalSeconds`: a publisher is never polled more than once a minute. */
export const MIN_POLL_INTERVAL_SECONDS = 60;
export const MAX_POLL_INTERVAL_SECONDS = 86_400;

export interface FeedSettingsDefaults {
  tenants: readonly string[];
  defaultIntervalSeconds: number;
}

/**
 * The feeds of every configured tenant, from its `rss` channel settings: `feeds` (a list of
 * http(s) URLs, or one string of them separated by commas or new lines) and
 * `pollIntervalSeconds`. A bad entry is logged and skipped; the rest still poll.
 */
export class ChannelSettingsFeedSubscriptions implements FeedSubscriptions {
  constructor(
    private readonly source: ChannelSettingsSource,
    private readonly defaults: FeedSettingsDefaults,
    private readonly logger: Logger,
  ) {}

  async list(): Promise<FeedSubscription[]> {
    const perTenant = await Promise.all(this.defaults.tenants.map((tenantId) => this.forTenant(tenantId)));
    return perTenant.flat();
  }

  private async forTenant(tenantId: string): Promise<FeedSubscription[]> {
    const settings = await this.source.read(tenantId, 'rss');
    if (!settings) return [];
    const pollIntervalSeconds = this.interval(tenantId, settings.pollIntervalSeconds);
    const urls = new Set<string>();
    for (const entry of feedEntries(settings.feeds)) {
      const url = httpUrl(entry);
      if (url) urls.add(url);
      else this.logger.warn({ tenantId, channel: 'rss', feed: withoutCredentials(entry) }, 'ignoring a feed that is not an http(s) URL');
    }
    return [...urls].map((url) => ({ tenantId, url, pollIntervalSeconds, settings }));
  }

  private interval(tenantId: string, value: ChannelSettings[string]): number {
    if (value === undefined || value === '') return this.defaults.defaultIntervalSeconds;
    const seconds = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(seconds)) {
      this.logger.warn({ tenantId, channel: 'rss' }, 'pollIntervalSeconds is not a number: using the default');
      return this.defaults.defaultIntervalSeconds;
    }
    return Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(MIN_POLL_INTERVAL_SECONDS, Math.round(seconds)));
  }
}

function feedEntries(value: ChannelSettings[string]): string[] {
  if (Array.isArray(value)) return value.map((entry) => entry.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
  return [];
}

function httpUrl(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The feed URL without its basic-auth credentials: what mentions and their audit copy name as the source. */
export function strippedOfCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

/** A feed URL may carry basic-auth credentials; they never reach a log line. */
export function withoutCredentials(url: string): string {
  return /^[a-z][a-z\d+.-]*:\/\/[^/@]*@/i.test(url) ? `${strippedOfCredentials(url)} (credentials hidden)` : url;
}
