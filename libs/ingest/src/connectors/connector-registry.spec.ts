import { CHANNELS } from '@cxm/contracts';
import { ProblemException } from '@cxm/platform-http';
import { ChannelConnector, isWebhookConnector } from './channel-connector';
import { CHANNEL_CONNECTORS, ConnectorRegistry } from './connector-registry';
import { XConnector } from './x/x.connector';

describe('ConnectorRegistry', () => {
  it('registers one connector per channel, each for a known channel id', () => {
    const channels = CHANNEL_CONNECTORS.map((c) => c.channel);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((channel) => (CHANNELS as readonly string[]).includes(channel))).toBe(true);
    expect(channels).toEqual(expect.arrayContaining(['x', 'facebook', 'instagram', 'messenger', 'whatsapp', 'reddit', 'youtube', 'appstore', 'reviews', 'chat']));
  });

  it('finds a webhook connector by channel', () => {
    const connector = new ConnectorRegistry().webhook('whatsapp');
    expect(connector.channel).toBe('whatsapp');
    expect(isWebhookConnector(connector)).toBe(true);
  });

  it('answers an unknown channel with a 404 problem', () => {
    const registry = new ConnectorRegistry();
    expect(() => registry.get('myspace')).toThrow(ProblemException);
    expect(() => registry.get('myspace')).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 404 }) }));
  });

  it('answers 404 for a webhook on a polled channel', () => {
    const polled: ChannelConnector = { channel: 'rss', mapDocument: async () => [] };
    expect(() => new ConnectorRegistry([polled]).webhook('rss')).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 404, detail: expect.stringContaining('polled') }) }));
  });

  it('refuses to start with two connectors for one channel', () => {
    expect(() => new ConnectorRegistry([new XConnector(), new XConnector()])).toThrow('two connectors are registered for channel "x"');
  });
});
