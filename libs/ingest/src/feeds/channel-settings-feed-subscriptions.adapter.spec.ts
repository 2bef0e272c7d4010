import { createLogger } from '@cxm/platform-logging';
import { ChannelSettings } from '../connectors/channel-connector';
import { ChannelSettingsFeedSubscriptions, withoutCredentials } from './channel-settings-feed-subscriptions.adapter';

describe('ChannelSettingsFeedSubscriptions', () => {
  function subscriptionsFor(settings: Record<string, ChannelSettings | undefined>) {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', service: 'test', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    const asked: string[] = [];
    const source = {
      read: async (tenantId: string, channel: string) => {
        asked.push(`${tenantId}/${channel}`);
        return settings[tenantId];
      },
    };
    return { subscriptions: new ChannelSettingsFeedSubscriptions(source, { tenants: ['demo', 'acme', 'globex'], defaultIntervalSeconds: 900 }, logger), lines, asked };
  }

  it("lists every configured tenant's rss feeds with its interval, reading only the rss channel", async () => {
    const { subscriptions, asked } = subscriptionsFor({
      demo: { feeds: ['https://vesti.example.ru/tech/rss.xml', 'https://sakura-gadget.example.jp/feed.atom'], pollIntervalSeconds: 120 },
      acme: { feeds: 'https://forum.mobiles-fr.example/feed/topic/7788.atom' },
    });
    const list = await subscriptions.list();
    expect(list.map((s) => [s.tenantId, s.url, s.pollIntervalSeconds])).toEqual([
      ['demo', 'https://vesti.example.ru/tech/rss.xml', 120],
      ['demo', 'https://sakura-gadget.example.jp/feed.atom', 120],
      ['acme', 'https://forum.mobiles-fr.example/feed/topic/7788.atom', 900],
    ]);
    expect(asked).toEqual(['demo/rss', 'acme/rss', 'globex/rss']);
  });

  it('reads a comma- or newline-separated string, drops repeats, and clamps the interval to 60 s … 1 day', async () => {
    const { subscriptions } = subscriptionsFor({
      demo: { feeds: 'https://a.example/feed, https://b.example/feed\nhttps://a.example/feed', pollIntervalSeconds: 5 },
      acme: { feeds: ['https://c.example/feed'], pollIntervalSeconds: '999999' },
    });
    const list = await subscriptions.list();
    expect(list.map((s) => [s.url, s.pollIntervalSeconds])).toEqual([
      ['https://a.example/feed', 60],
      ['https://b.example/feed', 60],
      ['https://c.example/feed', 86_400],
    ]);
  });

  it('skips and logs an entry that is not an http(s) URL, never logging its credentials', async () => {
    const { subscriptions, lines } = subscriptionsFor({ demo: { feeds: ['file:///etc/passwd', 'not a url', 'https://ok.example/rss'] } });
    expect((await subscriptions.list()).map((s) => s.url)).toEqual(['https://ok.example/rss']);
    expect(lines.filter((l) => l.msg === 'ignoring a feed that is not an http(s) URL').map((l) => l.feed)).toEqual(['file:///etc/passwd', 'not a url']);
  });

  it('hides basic-auth credentials of a feed URL', () => {
    expect(withoutCredentials('https://bot:s3cret@intranet.example/feed.xml')).toBe('https://intranet.example/feed.xml (credentials hidden)');
    expect(withoutCredentials('https://public.example/feed.xml')).toBe('https://public.example/feed.xml');
  });
});
