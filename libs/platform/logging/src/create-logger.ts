import pino, { Logger, LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log record. Tokens, secrets and the raw
 * Authorization header must never reach logs, whichever service logs them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'authorization',
  'token',
  'adminToken',
  '*.token',
  '*.adminToken',
  '*.secret',
  '*.password',
  'config.adminToken',
  'config.apiTokens',
  // Channel credentials (PUT /v1/tenants/{t}/channels/{c}) and the webhook signatures made with them.
  'req.headers["x-twitter-webhooks-signature"]',
  'req.headers["x-cxm-signature-256"]',
  'appSecret',
  'verifyToken',
  'consumerSecret',
  'webhookSecret',
  '*.appSecret',
  '*.verifyToken',
  '*.consumerSecret',
  '*.webhookSecret',
  // Alert webhook URLs often carry a token in their path (Slack, Teams); the signing secret is one.
  'webhookUrl',
  '*.webhookUrl',
  'config.explorer.alerts.webhooks',
];

export interface LoggerSettings {
  level: string;
  service: string;
  /** Write somewhere other than stdout (tests capture logs this way). */
  destination?: pino.DestinationStream;
}

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/** A logger that drops everything: for unit tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
