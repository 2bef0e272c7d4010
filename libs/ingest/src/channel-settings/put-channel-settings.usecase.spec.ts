import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { ConnectorRegistry } from '../connectors/connector-registry';
import { ChannelSettingsRepository } from './channel-settings.repository';
import { DescribeChannelSettings } from './describe-channel-settings.usecase';
import { PutChannelSettings } from './put-channel-settings.usecase';

describe('channel settings', () => {
  let repository: ChannelSettingsRepository;
  let putSettings: PutChannelSettings;
  let describeSettings: DescribeChannelSettings;

  beforeEach(() => {
    repository = new ChannelSettingsRepository(new EmbeddedDocumentStore());
    const registry = new ConnectorRegistry();
    putSettings = new PutChannelSettings(registry, repository, silentLogger());
    describeSettings = new DescribeChannelSettings(registry, repository);
  });

  it('stores what the connector will receive and shows only the key names and when each was set', async () => {
    const view = await putSettings.execute('demo', 'facebook', { appSecret: 'app-secret-1', verifyToken: 'verify-1', webhookSecret: undefined });
    expect(await repository.read('demo', 'facebook')).toEqual({ appSecret: 'app-secret-1', verifyToken: 'verify-1' });
    expect(view).toEqual({ tenantId: 'demo', channel: 'facebook', keys: [{ name: 'appSecret', setAt: view.updatedAt }, { name: 'verifyToken', setAt: view.updatedAt }], updatedAt: view.updatedAt });
    expect(JSON.stringify(await describeSettings.execute('demo', 'facebook'))).not.toContain('secret-1');
  });

  it('keeps the time a key was set when a replacement leaves its value unchanged', async () => {
    const first = await putSettings.execute('demo', 'facebook', { appSecret: 'app-secret-1', verifyToken: 'verify-1' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await putSettings.execute('demo', 'facebook', { appSecret: 'app-secret-2', verifyToken: 'verify-1' });
    const setAt = Object.fromEntries(second.keys.map((k) => [k.name, k.setAt]));
    expect(setAt.verifyToken).toBe(first.updatedAt);
    expect(setAt.appSecret).toBe(second.updatedAt);
    expect(second.updatedAt > first.updatedAt).toBe(true);
  });

  it("refuses settings without the keys the channel's connector requires, naming each", async () => {
    await expect(putSettings.execute('demo', 'whatsapp', { verifyToken: 'verify-1' })).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'appSecret', message: 'appSecret is required for channel whatsapp' }] } });
    await expect(putSettings.execute('demo', 'x', {})).rejects.toMatchObject({ problem: { errors: [{ field: 'consumerSecret' }] } });
  });

  it('keeps tenants apart, and answers 404 for a channel not set up or not registered', async () => {
    await putSettings.execute('demo', 'chat', { webhookSecret: 'chat-secret' });
    expect(await repository.read('acme', 'chat')).toBeUndefined();
    await expect(describeSettings.execute('acme', 'chat')).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(putSettings.execute('demo', 'myspace', { webhookSecret: 'chat-secret' })).rejects.toMatchObject({ problem: { status: 404 } });
  });
});
