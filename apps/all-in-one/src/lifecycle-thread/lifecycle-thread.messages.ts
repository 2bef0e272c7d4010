import { OpenApiDocument } from '@cxm/platform-http';
import type { MessagePort } from 'node:worker_threads';

/** What the main thread hands the lifecycle thread when it starts it. */
export interface LifecycleThreadData {
  env: Record<string, string | undefined>;
  /** The guest end of the bus bridge; absent when the bus is Kafka (each thread then talks to the brokers). */
  busPort?: MessagePort;
  /** The front door's URL when known before it listens (a fixed PORT): the sandbox replies go there. */
  frontDoorUrl?: string;
}

export type FromLifecycleThread =
  | { kind: 'ready'; url: string; openApi: OpenApiDocument }
  | { kind: 'failed'; error: string }
  | { kind: 'stopped' };

export type ToLifecycleThread =
  /** The front door's URL, once it listens: replies go to its sandbox unless a webhook is configured. */
  | { kind: 'public-url'; url: string }
  /**
   * A front-door thread's count of requests in progress, in shared memory (ForegroundActivity.shareWithThreads).
   * `thread` names it: a replica started again replaces its predecessor's count (ADR 0031).
   */
  | { kind: 'front-door-activity'; thread: string; buffer: SharedArrayBuffer }
  | { kind: 'stop' };
