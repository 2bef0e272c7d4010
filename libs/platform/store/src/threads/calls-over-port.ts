import type { MessagePort } from 'node:worker_threads';
import { describeError, ErrorDescription, postEach, TurnBatch } from './turn-batch';

/** The answer to one numbered call: its value, or its failure. */
export interface PortReply<Value, Failure extends ErrorDescription = ErrorDescription> {
  call: number;
  value?: Value;
  error?: Failure;
}

/** How one bridge's guest words its messages (the store bridge, the all-in-one's accept bridge). */
export interface GuestProtocol<Call extends { call: number }, Value, Failure extends ErrorDescription> {
  /** The message carrying one turn's calls. */
  callsMessage(calls: Call[]): unknown;
  /** The replies a message from the host carries. */
  replies(message: unknown): PortReply<Value, Failure>[];
  /** A failure as the guest's callers know it (the error class they test with `instanceof`). */
  revive(failure: Failure): Error;
  /** What a call gets once the port is closed. */
  closedError(): Error;
}

interface PendingCall<Value> {
  resolve(value: Value): void;
  reject(error: Error): void;
}

/**
 * The guest's side of a bridge to another thread: numbered calls over `port`, those of one
 * event-loop turn in one message, each settled by its reply. A call the structured clone cannot
 * copy fails alone, with its own error; a closed port fails what is in flight.
 */
export class CallsOverPort<Call extends { call: number }, Value, Failure extends ErrorDescription = ErrorDescription> {
  private readonly pending = new Map<number, PendingCall<Value>>();
  private readonly outgoing: TurnBatch<Call>;
  private nextCall = 0;
  private closed = false;
  /** Set while `close` waits for the calls in flight. */
  private whenIdle?: () => void;
  private closing?: Promise<void>;

  constructor(
    private readonly port: MessagePort,
    private readonly protocol: GuestProtocol<Call, Value, Failure>,
  ) {
    this.outgoing = new TurnBatch((calls) => {
      if (!this.closed)
        postEach(
          calls,
          (batch) => port.postMessage(protocol.callsMessage(batch)),
          (call, error) => this.settle({ call: call.call, error: error as Failure }),
        );
    });
    port.on('message', (message: unknown) => protocol.replies(message).forEach((reply) => this.settle(reply)));
    port.on('close', () => this.failPending());
  }

  call(request: Omit<Call, 'call'>): Promise<Value> {
    if (this.closed) return Promise.reject(this.protocol.closedError());
    const call = ++this.nextCall;
    return new Promise((resolve, reject) => {
      this.pending.set(call, { resolve, reject });
      this.outgoing.add({ ...request, call } as Call);
    });
  }

  /** Waits for the calls in flight to be answered, then closes the port. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.outgoing.flushNow();
      if (this.pending.size > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
      this.closed = true;
      this.port.close();
    })();
    return this.closing;
  }

  private settle(reply: PortReply<Value, Failure>): void {
    const pending = this.pending.get(reply.call);
    if (!pending) return;
    this.pending.delete(reply.call);
    if (reply.error) pending.reject(this.protocol.revive(reply.error));
    else pending.resolve(reply.value as Value);
    if (this.pending.size === 0) this.whenIdle?.();
  }

  private failPending(): void {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(this.protocol.closedError());
    this.pending.clear();
    this.whenIdle?.();
  }
}

/** How one bridge's host reads calls and words its replies. */
export interface HostProtocol<Call extends { call: number }, Value, Failure extends ErrorDescription> {
  /** The calls a message from the guest carries. */
  calls(message: unknown): Call[];
  run(call: Call): Promise<Value>;
  /** A failure as it is to cross (default: its name and message). */
  describe?(error: unknown): Failure;
  /** The message carrying one turn's replies. */
  repliesMessage(replies: PortReply<Value, Failure>[]): unknown;
}

/**
 * The host's side of a bridge: runs each call a CallsOverPort at the other end of `port` makes,
 * and answers them, one message per turn. A reply the structured clone cannot copy is answered
 * with that error instead.
 */
export function answerCallsOverPort<Call extends { call: number }, Value, Failure extends ErrorDescription = ErrorDescription>(
  port: MessagePort,
  protocol: HostProtocol<Call, Value, Failure>,
): { close(): void } {
  let open = true;
  const describe = protocol.describe ?? ((error: unknown) => describeError(error) as Failure);
  const post = (replies: PortReply<Value, Failure>[]) => port.postMessage(protocol.repliesMessage(replies));
  const outgoing = new TurnBatch<PortReply<Value, Failure>>((replies) => {
    if (open) postEach(replies, post, (reply, error) => post([{ call: reply.call, error: error as Failure }]));
  });

  port.on('message', (message: unknown) => {
    for (const call of protocol.calls(message)) {
      // Run on a promise of its own, so that a synchronous throw becomes a reply too.
      void Promise.resolve()
        .then(() => protocol.run(call))
        .then(
          (value) => outgoing.add({ call: call.call, value }),
          (error: unknown) => outgoing.add({ call: call.call, error: describe(error) }),
        );
    }
  });

  const close = () => {
    if (!open) return;
    open = false;
    port.close();
  };
  port.on('close', close);
  return { close };
}
