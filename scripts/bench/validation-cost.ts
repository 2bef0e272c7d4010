/**
 * `node -r ./scripts/register.js scripts/bench/validation-cost.ts`: CPU time per call of the
 * validations every accepted mention gets on the front door — the HTTP pipe on the canonical
 * mention, the batch route's per-item validation, `assertValidEvent` on its `mentions.raw` event
 * when published (the in-memory event AcceptMention builds) and when consumed (the event parsed
 * back from JSON) — and of `deriveId`, over the 500 first demo mentions, in a process where every
 * class of the all-in-one is decorated (class-validator's lookups depend on how many).
 * Process CPU time, not wall time, so a shared machine distorts it less; four rounds, read the lowest.
 */
import 'reflect-metadata';
import { assertValidEvent, CanonicalMention, conversationKey, createEvent, deriveId, Mention } from '@cxm/contracts';
import { generateDemoMentions } from '@cxm/demo';
import { createValidationPipe } from '@cxm/platform-http';
import { FrontDoorModule } from '../../apps/all-in-one/src/front-door.module';
import { LifecycleModule } from '../../apps/all-in-one/src/lifecycle.module';
import { validMention } from '../../libs/ingest/src/accept-batch/accept-mention-batch.usecase';

void [FrontDoorModule, LifecycleModule]; // imported for their decorators only

const demo = generateDemoMentions({ tenantId: 'demo', count: 500, now: new Date('2026-11-20T12:00:00Z') });
const bodies = demo.map((m) => JSON.stringify(m));
/** As AcceptMention publishes it: the validated mention spread, with its id, conversation and receipt time. */
const published = demo.map((m) => {
  const mention = { ...validMention(JSON.parse(JSON.stringify(m))), id: deriveId('mention', m.tenantId, m.channel, m.externalId), conversationId: `${m.channel}:${m.externalId}`, receivedAt: '2026-11-20T10:00:01.000Z' } as Mention;
  return createEvent('mentions.raw', { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), causationId: mention.id, payload: { mention } });
});
const consumed = published.map((event) => JSON.parse(JSON.stringify(event)) as unknown);
const items = bodies.map((body) => JSON.parse(body) as unknown);
const pipe = createValidationPipe();

async function cpuMicrosPerCall(work: (i: number) => unknown, calls = 8_000): Promise<number> {
  for (let i = 0; i < 1_000; i++) await work(i); // warm-up: JIT, memos
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await work(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

async function main(): Promise<void> {
  for (let round = 1; round <= 4; round++) {
    const publish = await cpuMicrosPerCall((i) => assertValidEvent('mentions.raw', published[i % published.length]));
    const consume = await cpuMicrosPerCall((i) => assertValidEvent('mentions.raw', consumed[i % consumed.length]));
    const http = await cpuMicrosPerCall((i) => pipe.transform(JSON.parse(bodies[i % bodies.length]), { type: 'body', metatype: CanonicalMention }));
    const item = await cpuMicrosPerCall((i) => validMention(items[i % items.length]));
    const id = await cpuMicrosPerCall((i) => deriveId('mention', 'demo', 'x', bodies[i % bodies.length].slice(0, 40)), 50_000);
    process.stdout.write(
      `round ${round}: assertValidEvent(mentions.raw) publish ${publish.toFixed(1)} µs, consume ${consume.toFixed(1)} µs   ` +
        `HTTP ValidationPipe(CanonicalMention) ${http.toFixed(1)} µs   batch item ${item.toFixed(1)} µs   deriveId ${id.toFixed(2)} µs CPU per call\n`,
    );
  }
}

void main();
