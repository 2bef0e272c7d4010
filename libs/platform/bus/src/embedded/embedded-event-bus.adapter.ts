import { assertValidEvent, DeadLetterPayload, deadLetterTopic, EventEnvelope, isoNow, PayloadOf, Topic } from '@cxm/contracts';
import { ForegroundActivity } from '@cxm/platform-embedded';
import { Logger } from '@cxm/platform-logging';
import { join } from 'node:path';
import { assertSubscriptionWiring } from '../delivery/assert-subscription-wiring';
import { deliverWithPolicy, RawMessage } from '../delivery/deliver-with-policy';
import { deadLetterFrom } from '../delivery/dead-letter-from';
import { eventHeaders } from '../delivery/event-headers';
import { partitionForKey } from '../delivery/partition-for-key';
import { RetryPolicy } from '../delivery/retry-policy';
import { DeadLetterSubscription, EventBus, Subscription } from '../event-bus.port';
import { ConsumerTurns } from './consumer-turns';
import { GroupOffsets } from './group-offsets';
import { PartitionLog, StoredRecord } from './partition-log';

export interface EmbeddedEventBusOptions {
  /** Where topic logs and offsets live. Absent: memory only — for unit tests, never for `npm start`. */
  dataDir?: string;
  partitions: number;
  retryPolicy: RetryPolicy;
  logger: Logger;
  /** The process's HTTP requests in progress: consumers take turns while there are any (ADR 0025). */
  foreground?: ForegroundActivity;
}

/**
 * A consumer of the raw records of one (group, topic): the bus runs one loop per partition, commits
 * each record after `handle` resolves, and keeps it (retrying later) when `handle` throws.
 */
export interface RawConsumer {
  group: string;
  topic: string;
  /** False: never takes turns behind the front door (ADR 0025) — for consumers whose work runs on another thread (ADR 0028). */
  paced?: boolean;
  handle(message: RawMessage, validatedAtPublish: boolean): Promise<void>;
}

/**
 * The event bus of the all-in-one: Kafka's semantics (partitioned logs, consumer groups, commit
 * after success, dead letters) in one process, kept on local disk. Each (consumer, partition) is
 * one sequential loop, so events with one key are handled in order while partitions run side by side.
 */
export class EmbeddedEventBus implements EventBus {
  private readonly logs = new Map<string, Promise<PartitionLog[]>>();
  private readonly consumers: RawConsumer[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly offsets: GroupOffsets[] = [];
  private running = false;
  private stopped = false;
  /** Consumers opening their offsets: stop() waits for them, so none starts a loop after it. */
  private readonly starting = new Set<Promise<void>>();
  private inFlight = 0;
  /** Records this process appended after validating their event: consumers need not validate them again. */
  private readonly validated = new WeakSet<StoredRecord>();
  private readonly turns: ConsumerTurns;

  constructor(private readonly options: EmbeddedEventBusOptions) {
    this.turns = new ConsumerTurns(options.foreground);
  }

  async publish<T extends Topic>(topic: T, event: EventEnvelope<PayloadOf[T]>): Promise<void> {
    assertValidEvent(topic, event);
    await this.publishEncoded(topic, event.key, JSON.stringify(event), eventHeaders(event));
  }

  /**
   * Appends an event another thread has already validated and serialised (the thread bridge,
   * ADR 0028): consumers in this process trust it as they trust `publish`.
   */
  async publishEncoded(topic: Topic, key: string, value: string, headers: Record<string, string>): Promise<void> {
    await this.append(topic, key, value, headers, true);
  }

  subscribe<T extends Topic>(subscription: Subscription<T>): void {
    this.assertNotRunning();
    const { group, topic, handler } = subscription;
    const logger = this.options.logger.child({ group }); // once per subscription, not per event
    this.consumers.push({
      group,
      topic,
      handle: async (message, validatedAtPublish) => {
        const outcome = await deliverWithPolicy(message, handler as never, this.options.retryPolicy, logger, { validatedAtPublish });
        if (outcome.kind === 'dead-lettered') await this.publishDeadLetter(message, outcome.letter);
      },
    });
  }

  subscribeDeadLetters(subscription: DeadLetterSubscription): void {
    this.assertNotRunning();
    this.consumers.push({
      group: subscription.group,
      topic: deadLetterTopic(subscription.topic),
      handle: (message) => subscription.handler(deadLetterFrom(message)),
    });
  }

  /**
   * Adds a consumer of raw records, before or after `start` (a consumer on another thread
   * subscribes when that thread starts). Refused when its group already consumes the topic.
   */
  async subscribeRaw(consumer: RawConsumer): Promise<void> {
    if (this.stopped) throw new Error('the bus has stopped');
    assertSubscriptionWiring([...this.consumers, consumer]);
    this.consumers.push(consumer);
    if (this.running) await this.startConsumer(consumer, this.consumers.length - 1);
  }

  async start(): Promise<void> {
    assertSubscriptionWiring(this.consumers);
    this.running = true;
    // The consumers subscribed so far: one subscribed while these start is started by subscribeRaw.
    for (const [i, consumer] of [...this.consumers.entries()]) await this.startConsumer(consumer, i);
  }

  private startConsumer(consumer: RawConsumer, i: number): Promise<void> {
    const starting = this.openAndLoop(consumer, i).finally(() => this.starting.delete(starting));
    this.starting.add(starting);
    return starting;
  }

  private async openAndLoop(consumer: RawConsumer, i: number): Promise<void> {
    const partitions = await this.partitionsOf(consumer.topic);
    const offsets = await GroupOffsets.open(this.path('_offsets', consumer.group, `${consumer.topic}.log`), partitions.length, (error) =>
      this.options.logger.warn({ err: error, group: consumer.group, topic: consumer.topic }, 'could not write consumer offsets; events after the last written offset will be redelivered after a restart'),
    );
    this.offsets[i] = offsets; // closed by stop(), which waits for every start in progress
    if (this.stopped) return;
    partitions.forEach((log, partition) => this.loops.push(this.consume(consumer, log, partition, offsets)));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    await Promise.all(this.starting);
    this.turns.releaseAll();
    for (const logs of this.logs.values()) (await logs).forEach((log) => log.wakeWaiters());
    await Promise.all(this.loops);
    await Promise.all(this.offsets.map((o) => o?.close()));
    for (const logs of this.logs.values()) await Promise.all((await logs).map((log) => log.close()));
  }

  /** Events published but not yet committed by every consumer: lets tests and shutdown wait for quiet. */
  async lag(): Promise<number> {
    let total = 0;
    for (const [i, consumer] of this.consumers.entries()) {
      const partitions = await this.partitionsOf(consumer.topic);
      const offsets = this.offsets[i];
      if (offsets) partitions.forEach((log, p) => (total += log.endOffset - offsets.next(p)));
    }
    return total + this.inFlight;
  }

  private async consume(consumer: RawConsumer, log: PartitionLog, partition: number, offsets: GroupOffsets): Promise<void> {
    const paced = consumer.paced !== false;
    while (this.running) {
      const offset = offsets.next(partition);
      const record = log.read(offset);
      if (!record) {
        await log.waitForAppend();
        continue;
      }
      const turn = paced ? this.turns.take() : undefined;
      if (turn) await turn;
      this.inFlight += 1;
      try {
        await consumer.handle({ topic: consumer.topic, partition, offset: String(offset), ...record }, this.validated.has(record));
        offsets.commit(partition, offset + 1);
      } catch (error) {
        // The dead-letter write failed, or a consumer on another thread could not settle the event:
        // keep the offset so nothing is lost.
        this.options.logger.error({ err: error, topic: consumer.topic, partition, offset }, 'could not settle event; will retry');
        await new Promise((r) => setTimeout(r, this.options.retryPolicy.initialDelayMs));
      } finally {
        this.inFlight -= 1;
        if (paced) this.turns.give();
      }
    }
  }

  /** Appends a dead letter for `message` to `<topic>.dlq` (also for a consumer on another thread). */
  async publishDeadLetter(message: RawMessage, letter: DeadLetterPayload): Promise<void> {
    await this.append(deadLetterTopic(message.topic), message.key, JSON.stringify(letter), {
      ...message.headers,
      'dead-letter-reason': letter.reason,
    });
  }

  private async append(topic: string, key: string, value: string, headers: Record<string, string>, validated = false): Promise<void> {
    const partitions = await this.partitionsOf(topic);
    const record: StoredRecord = { key, value, headers, timestamp: isoNow() };
    if (validated) this.validated.add(record);
    await partitions[partitionForKey(key, partitions.length)].append(record);
  }

  private partitionsOf(topic: string): Promise<PartitionLog[]> {
    let logs = this.logs.get(topic);
    if (!logs) {
      const count = this.options.partitions;
      logs = Promise.all(Array.from({ length: count }, (_, p) => PartitionLog.open(this.path(topic, `p${p}.log`))));
      this.logs.set(topic, logs);
    }
    return logs;
  }

  private path(...parts: string[]): string | undefined {
    return this.options.dataDir ? join(this.options.dataDir, 'bus', ...parts) : undefined;
  }

  private assertNotRunning(): void {
    if (this.running) throw new Error('subscribe before the bus starts');
  }
}
