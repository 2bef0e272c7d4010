import { assertValidEvent, DeadLetterPayload, deadLetterTopic, EventEnvelope, PayloadOf, Topic } from '@cxm/contracts';
import { Logger } from '@cxm/platform-logging';
import { MessagePort } from 'node:worker_threads';
import { assertSubscriptionWiring } from '../delivery/assert-subscription-wiring';
import { deliverWithPolicy, RawMessage } from '../delivery/deliver-with-policy';
import { deadLetterFrom } from '../delivery/dead-letter-from';
import { RetryPolicy } from '../delivery/retry-policy';
import { eventHeaders } from '../delivery/event-headers';
import { DeadLetterSubscription, EventBus, Subscription } from '../event-bus.port';
import { BridgeClosedError, GuestToHost, HostToGuest, subscriptionKey } from './bus-bridge-protocol';

export interface ThreadEventBusOptions {
  /** The port whose other end `serveBusToThread` serves. */
  port: MessagePort;
  /** Which topics live on the host's bus; every other topic is `local`'s. */
  hostOwns(topic: Topic): boolean;
  /** The bus of this thread's own topics. */
  local: EventBus;
  retryPolicy: RetryPolicy;
  logger: Logger;
}

type RemoteHandler = (message: RawMessage, validatedAtPublish: boolean) => Promise<DeadLetterPayload | undefined>;

/**
 * The bus of a thread that shares another thread's embedded bus (ADR 0028): the host's topics are
 * published and consumed through the port — the host keeps the logs, the loops and the offsets,
 * this thread runs the handlers with the same retry policy and dead-letter rules as every adapter
 * (`deliverWithPolicy`) — and every other topic goes to `local`.
 */
export class ThreadEventBus implements EventBus {
  private readonly remote = new Map<string, { group: string; topic: string; handle: RemoteHandler }>();
  private readonly calls = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private nextCall = 0;
  private running = false;
  private stopped = false;
  private portClosed = false;
  private readonly inFlight = new Set<Promise<void>>();
  private subscribed: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ThreadEventBusOptions) {
    options.port.on('message', (message: HostToGuest) => this.receive(message));
    options.port.on('close', () => this.failCalls());
  }

  async publish<T extends Topic>(topic: T, event: EventEnvelope<PayloadOf[T]>): Promise<void> {
    if (!this.options.hostOwns(topic)) return this.options.local.publish(topic, event);
    // Validated here, so a bad event fails in its publisher's thread with the usual InvalidEventError.
    assertValidEvent(topic, event);
    await this.call({ kind: 'publish', topic, key: event.key, value: JSON.stringify(event), headers: eventHeaders(event) });
  }

  subscribe<T extends Topic>(subscription: Subscription<T>): void {
    const { group, topic, handler } = subscription;
    if (!this.options.hostOwns(topic)) return this.options.local.subscribe(subscription);
    const logger = this.options.logger.child({ group }); // once per subscription, not per event
    this.addRemote(group, topic, async (message, validatedAtPublish) => {
      const outcome = await deliverWithPolicy(message, handler as never, this.options.retryPolicy, logger, { validatedAtPublish });
      return outcome.kind === 'dead-lettered' ? outcome.letter : undefined;
    });
  }

  subscribeDeadLetters(subscription: DeadLetterSubscription): void {
    const { group, topic, handler } = subscription;
    if (!this.options.hostOwns(topic)) return this.options.local.subscribeDeadLetters(subscription);
    this.addRemote(group, deadLetterTopic(topic), async (message) => {
      await handler(deadLetterFrom(message));
      return undefined;
    });
  }

  /**
   * Starts the local topics' consumers and asks the host for the remote ones without waiting for
   * its answer: the host may not serve the port yet (the all-in-one starts this thread before the
   * front door's bus exists). Nothing is missed meanwhile — the host's loops start from the
   * group's committed offsets.
   */
  async start(): Promise<void> {
    const remote = [...this.remote.values()];
    assertSubscriptionWiring(remote);
    this.running = true;
    this.subscribed = Promise.all(
      remote.map(({ group, topic }) =>
        this.call({ kind: 'subscribe', group, topic }).catch((error: Error) => {
          // A host that shuts down before answering is no refusal: it will deliver nothing.
          if (!(error instanceof BridgeClosedError)) this.options.logger.error({ err: error, group, topic }, 'the host bus refused a subscription');
        }),
      ),
    );
    await this.options.local.start();
  }

  /**
   * Stops after the deliveries in progress are settled. The host should stop its bus first (the
   * all-in-one does): a delivery it sends after this is answered "unsettled" and kept there.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    await this.subscribed;
    await Promise.all(this.inFlight);
    await this.options.local.stop();
    this.options.port.close();
  }

  private addRemote(group: string, topic: string, handle: RemoteHandler): void {
    if (this.running) throw new Error('subscribe before the bus starts');
    const key = subscriptionKey(group, topic);
    // A second claim is kept apart so that start() refuses it, as every adapter does.
    this.remote.set(this.remote.has(key) ? `${key}|${this.remote.size}` : key, { group, topic, handle });
  }

  private receive(message: HostToGuest): void {
    if (message.kind === 'reply') {
      const call = this.calls.get(message.call);
      this.calls.delete(message.call);
      if (message.error) call?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else call?.resolve();
      return;
    }
    const settle = this.settle(message.delivery, message.group, message.topic, message.message, message.validatedAtPublish);
    this.inFlight.add(settle);
    void settle.finally(() => this.inFlight.delete(settle));
  }

  private async settle(delivery: number, group: string, topic: string, message: RawMessage, validatedAtPublish: boolean): Promise<void> {
    const subscription = this.remote.get(subscriptionKey(group, topic));
    const post = (answer: GuestToHost) => {
      if (!this.portClosed) this.options.port.postMessage(answer);
    };
    if (!subscription || this.stopped) return post({ kind: 'unsettled', delivery, reason: subscription ? 'the consumer thread is stopping' : `no subscription ${group} on ${topic}` });
    try {
      const letter = await subscription.handle(message, validatedAtPublish);
      post({ kind: 'settled', delivery, ...(letter ? { letter } : {}) });
    } catch (error) {
      post({ kind: 'unsettled', delivery, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private call(message: DistributiveOmit<Extract<GuestToHost, { call: number }>, 'call'>): Promise<void> {
    if (this.portClosed) return Promise.reject(new BridgeClosedError());
    const call = ++this.nextCall;
    return new Promise<void>((resolve, reject) => {
      this.calls.set(call, { resolve, reject });
      this.options.port.postMessage({ ...message, call } as GuestToHost);
    });
  }

  private failCalls(): void {
    this.portClosed = true;
    for (const call of this.calls.values()) call.reject(new BridgeClosedError());
    this.calls.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
