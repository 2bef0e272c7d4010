import { assertValidEvent, DeadLetterPayload, deadLetterTopic, EventEnvelope, PayloadOf, Topic, TOPICS } from '@cxm/contracts';
import { Logger } from '@cxm/platform-logging';
import { backOff } from 'exponential-backoff';
import { Admin, Consumer, EachMessagePayload, IHeaders, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { assertSubscriptionWiring } from '../delivery/assert-subscription-wiring';
import { deliverWithPolicy, RawMessage } from '../delivery/deliver-with-policy';
import { deadLetterFrom } from '../delivery/dead-letter-from';
import { RetryPolicy } from '../delivery/retry-policy';
import { DeadLetterSubscription, EventBus, Subscription } from '../event-bus.port';

export interface KafkaEventBusOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic and group name: lets several deployments (or test runs) share a cluster. */
  namespace: string;
  partitions: number;
  replicationFactor: number;
  retryPolicy: RetryPolicy;
  logger: Logger;
  /** How often consumer lag is logged; 0 turns it off. */
  lagLogIntervalMs?: number;
}

type MessageHandler = (message: RawMessage) => Promise<void>;

/**
 * The event bus on Apache Kafka. Producers are idempotent with acks=all, so a resolved publish is
 * on every in-sync replica. Each consumer group is one kafkajs consumer that commits an offset only
 * after the handler (or the dead-letter write) finished; kafkajs hands one partition's messages
 * over one at a time, which keeps per-key order. Scale-out is Kafka's: start more processes with
 * the same group and the partitions are shared among them.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly handlers = new Map<string, Map<string, MessageHandler>>();
  private readonly subscriptions: { group: string; topic: string }[] = [];
  private readonly consumers: Consumer[] = [];
  private readonly sendChains = new Map<string, Promise<void>>();
  private connected: Promise<void> | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => options.logger.warn({ kafka: entry.namespace, ...entry.log }, entry.log.message),
      retry: { retries: 8, initialRetryTime: 200 },
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 5,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // An idempotent producer should retry until it succeeds; the time cap keeps a publish (and
      // so an ingest request) from hanging forever when the cluster is gone.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 30_000 },
    });
    this.admin = this.kafka.admin();
  }

  async publish<T extends Topic>(topic: T, event: EventEnvelope<PayloadOf[T]>): Promise<void> {
    assertValidEvent(topic, event);
    await this.connect();
    await this.inKeyOrder(`${topic}|${event.key}`, () =>
      this.send(topic, event.key, JSON.stringify(event), {
        'event-type': event.type,
        'schema-version': String(event.schemaVersion),
        'correlation-id': event.correlationId,
      }),
    );
  }

  /**
   * Sends for one key go out one after another. Concurrent produce requests can overtake each
   * other when an early one is retried (kafkajs's idempotent producer does not re-sequence them),
   * which would break per-key order; different keys still go out in parallel.
   */
  private async inKeyOrder(key: string, send: () => Promise<void>): Promise<void> {
    const previous = this.sendChains.get(key) ?? Promise.resolve();
    const current = previous.then(send, send);
    this.sendChains.set(key, current);
    try {
      await current;
    } finally {
      if (this.sendChains.get(key) === current) this.sendChains.delete(key);
    }
  }

  subscribe<T extends Topic>(subscription: Subscription<T>): void {
    this.register(subscription.group, subscription.topic, async (message) => {
      const outcome = await deliverWithPolicy(message, subscription.handler as never, this.options.retryPolicy, this.options.logger.child({ group: subscription.group }));
      if (outcome.kind === 'dead-lettered') await this.publishDeadLetter(message, outcome.letter);
    });
  }

  subscribeDeadLetters(subscription: DeadLetterSubscription): void {
    this.register(subscription.group, deadLetterTopic(subscription.topic), (message) =>
      subscription.handler(deadLetterFrom(message)),
    );
  }

  async start(): Promise<void> {
    assertSubscriptionWiring(this.subscriptions);
    await this.connect();
    this.running = true;
    for (const [group, topics] of this.handlers) this.consumers.push(await this.startConsumer(group, topics));
    const interval = this.options.lagLogIntervalMs ?? 30_000;
    if (interval > 0) this.lagTimer = setInterval(() => void this.logLag(), interval).unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.lagTimer);
    // disconnect() waits for the in-flight eachMessage calls, whose offsets are committed inside them.
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    this.consumers.length = 0;
    if (this.connected) await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    this.connected = undefined;
  }

  /** Messages not yet committed, per group and topic: exposed for health checks and logged periodically. */
  async lag(): Promise<{ group: string; topic: string; lag: number }[]> {
    await this.connect();
    const result: { group: string; topic: string; lag: number }[] = [];
    for (const [group, topics] of this.handlers) {
      const groupId = this.name(group);
      for (const topic of topics.keys()) {
        const ends = await this.admin.fetchTopicOffsets(this.name(topic));
        const [committed] = await this.admin.fetchOffsets({ groupId, topics: [this.name(topic)] });
        const lag = ends.reduce((sum, end) => {
          const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          const position = Number(at) < 0 ? Number(end.low) : Number(at);
          return sum + Math.max(0, Number(end.high) - position);
        }, 0);
        result.push({ group, topic, lag });
      }
    }
    return result;
  }

  private register(group: string, topic: string, handler: MessageHandler): void {
    if (this.running) throw new Error('subscribe before the bus starts');
    this.subscriptions.push({ group, topic });
    const topics = this.handlers.get(group) ?? new Map<string, MessageHandler>();
    // A duplicate is kept out of the map but stays in `subscriptions`, so start() refuses it.
    if (!topics.has(topic)) topics.set(topic, handler);
    this.handlers.set(group, topics);
  }

  private async startConsumer(group: string, topics: Map<string, MessageHandler>): Promise<Consumer> {
    const consumer = this.kafka.consumer({ groupId: this.name(group), allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics.keys()].map((t) => this.name(t)), fromBeginning: true });
    await consumer.run({
      // kafkajs commits a message's offset only once eachMessage resolved — after the handler (or
      // the dead-letter write) finished — and commits what is resolved when the consumer stops.
      // A threshold of 1 commits after every message, so a crash redelivers at most the messages
      // in flight.
      autoCommit: true,
      autoCommitThreshold: 1,
      partitionsConsumedConcurrently: this.options.partitions,
      eachMessage: async (payload) => {
        const message = this.toRawMessage(payload);
        await topics.get(message.topic)!(message);
      },
    });
    return consumer;
  }

  private toRawMessage({ topic, partition, message }: EachMessagePayload): RawMessage {
    return {
      topic: topic.slice(this.options.namespace.length),
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? '',
      value: message.value?.toString('utf8') ?? '',
      headers: decodeHeaders(message.headers),
    };
  }

  private async publishDeadLetter(message: RawMessage, letter: DeadLetterPayload): Promise<void> {
    await this.send(deadLetterTopic(message.topic), message.key, JSON.stringify(letter), { ...message.headers, 'dead-letter-reason': letter.reason });
  }

  private async send(topic: string, key: string, value: string, headers: Record<string, string>): Promise<void> {
    await this.producer.send({ topic: this.name(topic), acks: -1, messages: [{ key, value, headers }] });
  }

  /** Connects once and creates every catalogue topic and its dead-letter topic (idempotent). */
  private connect(): Promise<void> {
    this.connected ??= (async () => {
      await Promise.all([this.producer.connect(), this.admin.connect()]);
      const names = TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]).map((t) => this.name(t));
      const existing = new Set(await this.admin.listTopics());
      const missing = names.filter((name) => !existing.has(name));
      if (missing.length) {
        // kafkajs's own wait for leaders gives up on "This server does not host this
        // topic-partition" (metadata not yet propagated), which a fresh topic often answers;
        // waitUntilLed below retries through it instead.
        await this.admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: this.options.replicationFactor })),
        });
        await this.waitUntilLed(names);
      }
    })().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  /**
   * A topic just created may not be in every broker's metadata yet ("This server does not host
   * this topic-partition"); wait until each partition reports a leader before producing.
   */
  private async waitUntilLed(topics: string[]): Promise<void> {
    await backOff(
      async () => {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
        const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
        if (leaderless.length) throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
      },
      { numOfAttempts: 20, startingDelay: 100, maxDelay: 2_000 },
    );
  }

  private async logLag(): Promise<void> {
    try {
      for (const entry of await this.lag()) this.options.logger.info(entry, 'consumer lag');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not read consumer lag');
    }
  }

  private name(topicOrGroup: string): string {
    return `${this.options.namespace}${topicOrGroup}`;
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return result;
}
