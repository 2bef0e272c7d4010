/**
 * `node -r ./scripts/register.js scripts/bench/validation-cost.ts`: CPU time per call of the two
 * validations every accepted mention gets on the front door — the HTTP pipe on the canonical mention
 * and `assertValidEvent` on its `mentions.raw` event — over the 500 first demo mentions, in a process
 * where every class of the all-in-one is decorated (class-validator's lookups depend on how many).
 * Process CPU time, not wall time, so a shared machine distorts it less; four rounds, read the lowest.
 */
import 'reflect-metadata';
import { assertValidEvent, CanonicalMention, conversationKey, createEvent, Mention } from '@cxm/contracts';
import { generateDemoMentions } from '@cxm/demo';
import { createValidationPipe } from '@cxm/platform-http';
import { AllInOneModule } from '../../apps/all-in-one/src/all-in-one.module';

void AllInOneModule; // imported for its decorators only

const demo = generateDemoMentions({ tenantId: 'demo', count: 500, now: new Date('2026-11-20T12:00:00Z') });
const events = demo.map((m) => {
  const mention = { ...m, id: '3b241101-e2bb-4255-8caf-4136c566a962', conversationId: `${m.channel}:${m.externalId}`, receivedAt: '2026-11-20T10:00:01.000Z' } as Mention;
  return createEvent('mentions.raw', { tenantId: 'demo', correlationId: mention.id, key: conversationKey('demo', mention.conversationId), payload: { mention } });
});
const bodies = demo.map((m) => JSON.stringify(m));
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
    const event = await cpuMicrosPerCall((i) => assertValidEvent('mentions.raw', events[i % events.length]));
    const http = await cpuMicrosPerCall((i) => pipe.transform(JSON.parse(bodies[i % bodies.length]), { type: 'body', metatype: CanonicalMention }));
    process.stdout.write(`round ${round}: assertValidEvent(mentions.raw) ${event.toFixed(0)} µs   HTTP ValidationPipe(CanonicalMention) ${http.toFixed(0)} µs CPU per call\n`);
  }
}

void main();
