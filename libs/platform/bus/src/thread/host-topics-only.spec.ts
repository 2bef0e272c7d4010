import { createEvent } from '@cxm/contracts';
import { HostTopicsOnly } from './host-topics-only';

describe('HostTopicsOnly', () => {
  const bus = new HostTopicsOnly('front-door replica 1');

  it('refuses a publish, naming the topic and the thread, rather than keep the event where nobody reads it', async () => {
    const event = createEvent('cases.routed', { tenantId: 'acme', correlationId: 'm1', key: 'k', payload: {} as never });
    await expect(bus.publish('cases.routed', event)).rejects.toThrow('topic cases.routed has no bus on the front-door replica 1');
  });

  it('refuses subscriptions and dead-letter subscriptions at wiring time', () => {
    expect(() => bus.subscribe({ group: 'g', topic: 'mentions.classified', handler: async () => undefined })).toThrow('topic mentions.classified has no bus');
    expect(() => bus.subscribeDeadLetters({ group: 'g', topic: 'mentions.raw', handler: async () => undefined })).toThrow('topic mentions.raw.dlq has no bus');
  });
});
