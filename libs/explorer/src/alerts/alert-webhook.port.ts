import { AlertRecord } from './monitor';

export type WebhookOutcome =
  | { kind: 'delivered'; statusCode: number }
  /** Worth trying again: the receiver was down, slow, or asked us to back off. */
  | { kind: 'retryable'; statusCode?: number; error: string }
  /** Trying again cannot help: the receiver refused the alert. */
  | { kind: 'rejected'; statusCode?: number; error: string };

/** Calls a webhook with one alert; implementations pass the alert id as idempotency key. */
export interface AlertWebhook {
  send(url: string, alert: AlertRecord): Promise<WebhookOutcome>;
}

export const ALERT_WEBHOOK = Symbol('ALERT_WEBHOOK');
