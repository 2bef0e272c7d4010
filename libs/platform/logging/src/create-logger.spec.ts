import { Writable } from 'node:stream';
import { createLogger } from './create-logger';

/** A logger writing into memory, and the lines it wrote. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', service: 'test', destination }), lines };
}

describe('createLogger', () => {
  it('never writes a bearer token or a secret to the log', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ req: { headers: { authorization: 'Bearer s3cr3t-token' } }, channel: { secret: 'app-secret' } }, 'hello');
    expect(lines.join('')).not.toContain('s3cr3t-token');
    expect(lines.join('')).not.toContain('app-secret');
    expect(JSON.parse(lines[0])).toMatchObject({ service: 'test', msg: 'hello' });
  });

  it('never writes an alert webhook URL or its signing secret to the log', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ monitor: { webhookUrl: 'https://hooks.example.com/T0/B0/s3cr3t-path' }, alerts: { webhookSecret: 'sign-me-secret' } }, 'monitor');
    logger.info({ webhookUrl: 'https://hooks.example.com/top-level-s3cr3t' }, 'top level');
    expect(lines.join('')).not.toMatch(/s3cr3t|sign-me-secret/);
  });
});

describe('createLogger and channel credentials', () => {
  it('never writes a channel secret or a webhook signature to the log, wherever it sits', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, done) => done(void lines.push(chunk.toString())) });
    const logger = createLogger({ level: 'info', service: 'test', destination });
    logger.info({ settings: { appSecret: 'meta-app-secret', verifyToken: 'meta-verify', consumerSecret: 'x-consumer', webhookSecret: 'shared-1' } }, 'nested');
    logger.info({ appSecret: 'top-level-secret', req: { headers: { 'x-cxm-signature-256': 'sha256=abc123', 'x-twitter-webhooks-signature': 'sha256=def456' } } }, 'top');
    for (const secret of ['meta-app-secret', 'meta-verify', 'x-consumer', 'shared-1', 'top-level-secret', 'abc123', 'def456']) expect(lines.join('')).not.toContain(secret);
    expect(JSON.parse(lines[0]).settings.appSecret).toBe('[redacted]');
  });
});
