import { DeadLetterPayload, Topic } from '@cxm/contracts';
import { Logger } from '@cxm/platform-logging';
import { MessagePort } from 'node:worker_threads';
import { RawMessage } from '../delivery/deliver-with-policy';
import { EmbeddedEventBus } from '../embedded/embedded-event-bus.adapter';
import { GuestToHost, HostToGuest } from './bus-bridge-protocol';

interface PendingDelivery {
  settle(letter: DeadLetterPayload | undefined): void;
  fail(error: Error): void;
}

/**
 * The host's side of the thread bridge (ADR 0028): lets the thread at the other end of `port`
 * publish to this bus's topics and consume them. Consumption keeps the bus's guarantees because the
 * bus still runs the loops: a record is committed only after the guest settled it, and kept (retried
 * after the retry delay) while the guest cannot — so a guest that dies loses nothing.
 */
export function serveBusToThread(bus: EmbeddedEventBus, port: MessagePort, owns: (topic: Topic) => boolean, logger: Logger): { close(): void } {
  const pending = new Map<number, PendingDelivery>();
  let nextDelivery = 0;
  let open = true;
  let subscriptions = 0;
  const send = (message: HostToGuest) => port.postMessage(message);

  const deliver = (group: string, topic: string, message: RawMessage, validatedAtPublish: boolean) =>
    new Promise<DeadLetterPayload | undefined>((settle, fail) => {
      if (!open) return fail(new Error('the consumer thread is gone'));
      const delivery = ++nextDelivery;
      pending.set(delivery, { settle, fail });
      send({ kind: 'deliver', delivery, group, topic, message, validatedAtPublish });
    });

  const subscribe = (group: string, topic: string) => {
    subscriptions += 1;
    return bus.subscribeRaw({
      group,
      topic,
      // The work runs on the guest's thread: making it take turns here would only slow it down.
      paced: false,
      handle: async (message, validatedAtPublish) => {
        const letter = await deliver(group, topic, message, validatedAtPublish);
        if (letter) await bus.publishDeadLetter(message, letter);
      },
    });
  };

  const answer = (call: number, work: Promise<void>) =>
    work.then(
      () => send({ kind: 'reply', call }),
      (error: Error) => send({ kind: 'reply', call, error: { name: error.name, message: error.message } }),
    );

  // A guest that disagreed about who owns a topic would make this bus open the other thread's logs.
  const owned = (topic: string) => (owns(topic.replace(/\.dlq$/, '') as Topic) ? Promise.resolve() : Promise.reject(new Error(`topic ${topic} is not this thread's`)));

  port.on('message', (message: GuestToHost) => {
    switch (message.kind) {
      case 'subscribe':
        return void answer(message.call, owned(message.topic).then(() => subscribe(message.group, message.topic)));
      case 'publish':
        return void answer(message.call, owned(message.topic).then(() => bus.publishEncoded(message.topic, message.key, message.value, message.headers)));
      case 'settled':
      case 'unsettled': {
        const delivery = pending.get(message.delivery);
        pending.delete(message.delivery);
        if (message.kind === 'settled') delivery?.settle(message.letter);
        else delivery?.fail(new Error(`the consumer thread did not settle the event: ${message.reason}`));
        return;
      }
    }
  });

  const close = () => {
    if (!open) return;
    open = false;
    for (const delivery of pending.values()) delivery.fail(new Error('the consumer thread is gone'));
    pending.clear();
    port.close();
  };
  port.on('close', () => {
    // A guest that only published (a front-door replica, ADR 0031) leaves nothing uncommitted.
    if (open && subscriptions > 0) logger.warn('the bus bridge to the consumer thread closed; its events stay uncommitted until it is back');
    close();
  });
  return { close };
}
