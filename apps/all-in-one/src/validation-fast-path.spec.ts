import 'reflect-metadata';
import { ArgumentMetadata, HttpException, ValidationPipe } from '@nestjs/common';
import { CanonicalMention, certainlyValid, mutationsOf, sampleOf, seededRandom } from '@cxm/contracts';
import { createValidationPipe, fieldProblems, validationProblem } from '@cxm/platform-http';
import { getMetadataStorage } from 'class-validator';
import { FrontDoorModule } from './front-door.module';
import { LifecycleModule } from './lifecycle.module';

void [FrontDoorModule, LifecycleModule]; // imported for their decorators: every DTO of every route is then registered

type Class = new () => object;

/** Every class some decorator gave validation rules to, once the whole all-in-one is loaded. */
function decoratedClasses(): Class[] {
  const byTarget = (getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown[]> }).validationMetadatas;
  return [...byTarget.keys()].filter((target): target is Class => typeof target === 'function');
}

/** Nest's own pipe with the options of ours: the answer ours must give, value and errors alike. */
const reference = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => validationProblem(fieldProblems(errors)) });
const pipe = createValidationPipe();

async function outcome(run: () => Promise<unknown>): Promise<{ value?: unknown; status?: number; problem?: unknown }> {
  try {
    return { value: await run() };
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), problem: error.getResponse() };
  }
}

function samples(cls: Class, seed: number): string[] {
  const random = seededRandom(seed);
  const valid = Array.from({ length: 6 }, () => sampleOf(cls, random));
  return [...valid, ...valid.flatMap((sample) => mutationsOf(sample, random, 8))].map((sample) => JSON.stringify(sample));
}

const CLASSES = decoratedClasses();
/** The batch route's body (not exported by @cxm/ingest: found among the registered classes). */
const MentionBatch = CLASSES.find((cls) => cls.name === 'MentionBatch') as Class;

describe('the HTTP validation pipe with the compiled validator', () => {
  it('sees the DTOs of the routes', () => {
    expect(CLASSES.length).toBeGreaterThan(30);
    expect(CLASSES).toEqual(expect.arrayContaining([CanonicalMention, MentionBatch]));
  });

  it.each(CLASSES.map((cls, i) => [cls.name, cls, i]))('answers as Nest\'s own ValidationPipe for valid and mutated %s bodies and queries', async (_, cls, i) => {
    for (const body of samples(cls as Class, 3_000 + (i as number))) {
      for (const type of ['body', 'query'] as const) {
        const metadata: ArgumentMetadata = { type, metatype: cls as Class };
        const ours = await outcome(() => pipe.transform(JSON.parse(body), metadata));
        const theirs = await outcome(() => reference.transform(JSON.parse(body), metadata));
        expect({ body, ...ours }).toStrictEqual({ body, ...theirs });
        if ('value' in ours) expect(Object.getPrototypeOf(ours.value)).toBe(Object.getPrototypeOf(theirs.value));
      }
    }
  });

  it('takes the compiled path for the mention routes\' bodies', () => {
    for (const cls of [CanonicalMention, MentionBatch] as Class[]) {
      const random = seededRandom(11);
      const accepted = Array.from({ length: 20 }, () => JSON.parse(JSON.stringify(sampleOf(cls, random)))).filter((sample) => certainlyValid(cls, sample, { forbidNonWhitelisted: true, async: true }));
      expect({ cls: cls.name, accepted: accepted.length >= 10 }).toEqual({ cls: cls.name, accepted: true });
    }
  });
});
