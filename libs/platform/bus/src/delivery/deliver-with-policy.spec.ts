import { EventEnvelope } from '@cxm/contracts';
import { createLogger, silentLogger } from '@cxm/platform-logging';
import { Writable } from 'node:stream';
import { aMentionReceivedEvent } from '@cxm/testing';
import { DeliveryContext } from '../event-bus.port';
import { deliverWithPolicy, RawMessage } from './deliver-with-policy';
import { PermanentFailure, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 };

function aMessage(value: string, topic = 'mentions.raw'): RawMessage {
  return { topic, partition: 1, offset: '7', key: 'demo/x:1', value, headers: { 'event-type': 'mention.received' } };
}

/** A handler that records its calls and fails the first `failures` of them. */
function aHandler(failures: number, error: () => Error = () => new Error('store unavailable')) {
  const calls: { event: EventEnvelope; context: DeliveryContext }[] = [];
  const handler = async (event: EventEnvelope, context: DeliveryContext) => {
    calls.push({ event, context });
    if (calls.length <= failures) throw error();
  };
  return { calls, handler };
}

describe('deliverWithPolicy', () => {
  const logger = silentLogger();

  it('hands a valid event to the handler once and reports it handled after one attempt', async () => {
    const event = aMentionReceivedEvent();
    const { calls, handler } = aHandler(0);
    const outcome = await deliverWithPolicy(aMessage(JSON.stringify(event)), handler, policy, logger);
    expect(outcome).toEqual({ kind: 'handled', attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0].event).toEqual(event);
    expect(calls[0].context).toEqual({ topic: 'mentions.raw', partition: 1, offset: '7', attempt: 1 });
  });

  it('dead-letters a value that is not JSON as invalid, with the parse error, without calling the handler', async () => {
    const { calls, handler } = aHandler(0);
    const outcome = await deliverWithPolicy(aMessage('{not json'), handler, policy, logger);
    expect(calls).toHaveLength(0);
    expect(outcome.kind).toBe('dead-lettered');
    if (outcome.kind !== 'dead-lettered') return;
    expect(outcome.letter).toMatchObject({ kind: 'invalid', attempts: 1, originalTopic: 'mentions.raw', originalValue: '{not json' });
    expect(outcome.letter.errors).toHaveLength(1);
    expect(outcome.letter.errors[0]).toMatch(/^value is not JSON: /);
    expect(Number.isNaN(Date.parse(outcome.letter.deadAt))).toBe(false);
  });

  it('dead-letters a schema-invalid event as invalid without calling the handler', async () => {
    const event = aMentionReceivedEvent();
    const value = JSON.stringify({ ...event, payload: { mention: { ...event.payload.mention, channel: 'carrier-pigeon' } } });
    const { calls, handler } = aHandler(0);
    const outcome = await deliverWithPolicy(aMessage(value), handler, policy, logger);
    expect(calls).toHaveLength(0);
    expect(outcome).toMatchObject({ kind: 'dead-lettered', letter: { kind: 'invalid', attempts: 1, reason: 'event failed schema validation', originalValue: value } });
    if (outcome.kind !== 'dead-lettered') return;
    expect(outcome.letter.errors.some((e) => e.startsWith('payload.mention.channel:'))).toBe(true);
  });

  it('dead-letters an event published on the wrong topic as invalid', async () => {
    const { calls, handler } = aHandler(0);
    const outcome = await deliverWithPolicy(aMessage(JSON.stringify(aMentionReceivedEvent()), 'mentions.classified'), handler, policy, logger);
    expect(calls).toHaveLength(0);
    expect(outcome).toMatchObject({ kind: 'dead-lettered', letter: { kind: 'invalid', originalTopic: 'mentions.classified' } });
  });

  it('dead-letters after one attempt when the handler throws a PermanentFailure', async () => {
    const { calls, handler } = aHandler(Infinity, () => new PermanentFailure('case 42 will never exist'));
    const outcome = await deliverWithPolicy(aMessage(JSON.stringify(aMentionReceivedEvent())), handler, policy, logger);
    expect(calls).toHaveLength(1);
    expect(outcome).toEqual({
      kind: 'dead-lettered',
      letter: expect.objectContaining({ kind: 'failed', attempts: 1, errors: ['case 42 will never exist'], reason: 'handler failed on every attempt' }),
    });
  });

  it('retries transient failures and reports how many attempts the event took', async () => {
    const { calls, handler } = aHandler(2);
    const outcome = await deliverWithPolicy(aMessage(JSON.stringify(aMentionReceivedEvent())), handler, policy, logger);
    expect(outcome).toEqual({ kind: 'handled', attempts: 3 });
    expect(calls.map((c) => c.context.attempt)).toEqual([1, 2, 3]);
  });

  it('dead-letters as failed with the last error once every attempt failed', async () => {
    let n = 0;
    const { calls, handler } = aHandler(Infinity, () => new Error(`timeout #${++n}`));
    const outcome = await deliverWithPolicy(aMessage(JSON.stringify(aMentionReceivedEvent())), handler, policy, logger);
    expect(calls).toHaveLength(policy.maxAttempts);
    expect(outcome).toMatchObject({ kind: 'dead-lettered', letter: { kind: 'failed', attempts: 3, errors: ['timeout #3'] } });
  });

  // Regression test (found by review, fixed):
  it('dead-letters a JSON null value as invalid instead of throwing', async () => {
    const { handler } = aHandler(0);
    const outcome = await deliverWithPolicy(aMessage('null'), handler, policy, logger);
    expect(outcome).toMatchObject({ kind: 'dead-lettered', letter: { kind: 'invalid' } });
  });
});

describe('deliverWithPolicy logging', () => {
  it("logs each handled event with the mention's correlation id, topic and offset", async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const logger = createLogger({ level: 'info', service: 'test', destination });
    const event = aMentionReceivedEvent();
    const message = { topic: 'mentions.raw', partition: 1, offset: '41', key: event.key, value: JSON.stringify(event), headers: {} };
    await deliverWithPolicy(message, async () => undefined, { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger.child({ group: 'classifier' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'event handled', correlationId: event.correlationId, group: 'classifier', topic: 'mentions.raw', offset: '41', eventId: event.eventId }),
    );
  });
});
