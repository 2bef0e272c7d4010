import { getMetadataStorage, ValidationTypes } from 'class-validator';

/**
 * Samples for the specs that compare the compiled validator with class-validator (ADR 0022):
 * for any decorated class, objects built from its own constraints (so most are valid) and
 * mutations of them (missing fields, wrong types, extra fields, broken nested items), with
 * multilingual texts. Test support, kept in the contracts so every project's spec can use it
 * (`@cxm/testing` depends on the contracts, not the other way round).
 */
export type Random = () => number;

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Class = new () => object;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: { findTypeMetadata(target: unknown, property: string): { typeFunction?: () => unknown } | undefined } }).defaultMetadataStorage;

const TEXTS = ['Siparişim nerede? 😡', 'Где мой заказ?', 'ไม่พอใจมาก', 'كيف يمكنني إرجاع الهاتف؟', '注文した商品がまだ届きません', 'मेरा ऑर्डर कहाँ है?', 'Très déçu du service 👎', 'ok 🙌 #AuroraX5'];
const PATTERN_CANDIDATES = ['TR', 'und', 'tr', 'fr', 'ja', 'sentiment', 'a', 'x1', '2026-11-20', 'abc-DEF_1'];

/** A seeded generator (mulberry32), so a failing sample can be reproduced. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** An object for `cls` built from its constraints: each required property, most optional ones. */
export function sampleOf(cls: Class, random: Random, depth = 0): Record<string, unknown> {
  const storage = getMetadataStorage();
  const grouped = storage.groupByPropertyName(storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined) as Metadata[]);
  const sample: Record<string, unknown> = {};
  for (const [property, metadatas] of Object.entries(grouped)) {
    const optional = metadatas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (optional && random() < 0.35) continue;
    sample[property] = valueFor(cls, property, metadatas, random, depth);
  }
  return sample;
}

function valueFor(cls: Class, property: string, metadatas: Metadata[], random: Random, depth: number): unknown {
  const named = new Map(metadatas.filter((m) => m.name).map((m) => [m.name as string, m]));
  const many = named.has('isArray') || metadatas.some((m) => m.each) || (Reflect as unknown as { getMetadata?: (key: string, target: object, property: string) => unknown }).getMetadata?.('design:type', cls.prototype, property) === Array;
  const type = transformerStorage.findTypeMetadata(cls, property)?.typeFunction?.();
  if (metadatas.some((m) => m.type === ValidationTypes.NESTED_VALIDATION) && typeof type === 'function' && depth < 4) {
    const make = () => sampleOf(type as Class, random, depth + 1);
    return many ? Array.from({ length: 1 + Math.floor(random() * 2) }, make) : make();
  }
  const one = () => scalarFor(named, random);
  return many ? Array.from({ length: 1 + Math.floor(random() * 3) }, one) : one();
}

function scalarFor(named: Map<string, Metadata>, random: Random): unknown {
  const constraint = (name: string, index = 0) => named.get(name)?.constraints?.[index] as unknown;
  if (named.has('isIn')) return pick(random, constraint('isIn') as unknown[]);
  if (named.has('isUuid')) return pick(random, ['3b241101-e2bb-4255-8caf-4136c566a962', '6f1c1a7e-8a55-4c3a-9f7e-2b7f3c6d9e10', 'a9e2c1f4-0d3b-4c6e-8f7a-1b2c3d4e5f60']);
  if (named.has('isIso8601')) return pick(random, ['2026-11-20T10:00:00Z', '2026-11-20T10:00:01.000Z', '2025-02-28T23:59:59.999Z']);
  if (named.has('isUrl')) return pick(random, ['https://facebook.com/p/1', 'https://www.youtube.com/watch?v=n5Z83L5gIjD']);
  if (named.has('matches')) return PATTERN_CANDIDATES.find((candidate) => (constraint('matches') as RegExp).test(candidate)) ?? 'x';
  if (named.has('isInt') || named.has('isNumber')) {
    const min = (constraint('min') as number | undefined) ?? 0;
    const max = (constraint('max') as number | undefined) ?? min + 1_000;
    const value = min + random() * (max - min);
    return named.has('isInt') ? Math.min(max, Math.max(min, Math.round(value))) : value;
  }
  if (named.has('isBoolean')) return random() < 0.5;
  if (named.has('isObject')) return { note: pick(random, TEXTS) };
  const maxLength = (constraint('maxLength') as number | undefined) ?? 500;
  return Array.from(pick(random, TEXTS)).slice(0, maxLength).join('');
}

/** Values of the wrong kind, or just outside a constraint, for mutations. */
const WRONG: unknown[] = [undefined, null, 42, -1, 1.5, 0, '', ' ', 'текст 😡', true, [], {}, ['x'], [{}], [null], [42], 'ж'.repeat(300), '2026-13-40', 'not a url', Number.NaN, { extra: 'champ' }, '3b241101-e2bb-4255-8caf-4136c566a96', 'und-XX'];

/** `count` variants of `sample`, each with one to three changes at random places (nested ones too). */
export function mutationsOf(sample: Record<string, unknown>, random: Random, count: number): unknown[] {
  return Array.from({ length: count }, () => {
    const copy = structuredClone(sample);
    const changes = 1 + Math.floor(random() * 3);
    for (let i = 0; i < changes; i++) mutate(copy, random);
    return copy;
  });
}

function mutate(root: Record<string, unknown>, random: Random): void {
  // Walk down to a random object (a nested one, an array item) and change one of its keys.
  let target: Record<string, unknown> = root;
  for (let depth = 0; depth < 3 && random() < 0.5; depth++) {
    const children = Object.values(target).flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value));
    if (!children.length) break;
    target = pick(random, children);
  }
  const keys = Object.keys(target);
  const roll = random();
  if (roll < 0.15 || !keys.length) target[pick(random, ['champInconnu', 'nickname', 'extra'])] = pick(random, TEXTS);
  else if (roll < 0.35) delete target[pick(random, keys)];
  else target[pick(random, keys)] = structuredClone(pick(random, WRONG));
}
