import { getMetadataStorage, ValidationTypes } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/** Which class-validator call to answer for (the rest of the options are its defaults). */
export interface PassesValidationOptions {
  /** `whitelist: true, forbidNonWhitelisted: true`: a property without any decorator is an error. */
  forbidNonWhitelisted?: boolean;
  /** `validate()` (async) rather than `validateSync()`: async constraints run, so they cannot be skipped. */
  async?: boolean;
}

/**
 * True only when `validateSync(instance, { forbidUnknownValues: true })` would report no error —
 * decided without building class-validator's error tree, by calling the very same constraint
 * functions in the same order of properties, with the same arguments (ADR 0022).
 *
 * It answers "certainly valid" or "look closer": whenever it meets something it does not model
 * (async or promise validation, a validator that returns a promise, a non-object), or any
 * constraint fails, it returns false, and the caller runs class-validator to get the exact
 * problems. So the result of validation is class-validator's in every case; only the time spent
 * on a valid object changes (`passes-validation.spec.ts` compares both over valid and invalid samples).
 *
 * Models validateSync with `whitelist: false` (the options `assertValidEvent` uses) or, with
 * `options`, the HTTP pipe's `validate()` with `whitelist` and `forbidNonWhitelisted`; no groups,
 * `always: false`, no skip* options in both.
 */
export function passesValidation(instance: unknown, options: PassesValidationOptions = {}, storage: Storage = getMetadataStorage()): boolean {
  return passesAs(instance, undefined, { storage, ...options });
}

interface Context extends PassesValidationOptions {
  storage: Storage;
}

const compiled = new WeakMap<readonly ValidationMetadata[], ClassRules>();

interface ClassRules {
  /** Every property with at least one decorator: the whitelist. */
  known: Set<string>;
  properties: PropertyRules[];
}

interface PropertyRules {
  property: string;
  conditional: ValidationMetadata[];
  defined: ValidationMetadata[];
  custom: ValidationMetadata[];
  nested: ValidationMetadata[];
}

function passesAs(object: unknown, targetSchema: string | undefined, context: Context): boolean {
  if (typeof object !== 'object' || object === null) return false;
  const metadatas = context.storage.getTargetValidationMetadatas(object.constructor, targetSchema as string, false, false, undefined);
  // forbidUnknownValues: an object with no constraints at all is an error.
  if (!metadatas.length) return false;
  const rules = rulesOf(metadatas, context.storage);
  const record = object as Record<string, unknown>;
  if (context.forbidNonWhitelisted && Object.keys(record).some((key) => !rules.known.has(key))) return false;
  for (const rule of rules.properties) {
    const value = record[rule.property];
    if (!rule.conditional.every((m) => (m.constraints[0] as (o: object, v: unknown) => boolean)(object, value))) continue;
    if (!customPass(object, value, rule.defined, context)) return false;
    if (!customPass(object, value, rule.custom, context)) return false;
    if (!nestedPass(value, rule.nested, context)) return false;
  }
  return true;
}

/** Groups a class's metadata per property once (the lookup hands out the same frozen array until metadata changes). */
function rulesOf(metadatas: readonly ValidationMetadata[], storage: Storage): ClassRules {
  let rules = compiled.get(metadatas);
  if (rules) return rules;
  const grouped = storage.groupByPropertyName(metadatas as ValidationMetadata[]);
  const properties = Object.keys(grouped).map((property) => {
    const all = grouped[property];
    const others = all.filter((m) => m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST);
    return {
      property,
      conditional: others.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
      defined: all.filter((m) => m.type === ValidationTypes.IS_DEFINED),
      custom: others.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
      nested: others.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION || m.type === ValidationTypes.PROMISE_VALIDATION),
    };
  });
  rules = { known: new Set(Object.keys(grouped).filter((property) => grouped[property].length > 0)), properties };
  if (Object.isFrozen(metadatas)) compiled.set(metadatas, rules);
  return rules;
}

function customPass(object: object, value: unknown, metadatas: ValidationMetadata[], context: Context): boolean {
  for (const metadata of metadatas) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    const args = { targetName: object.constructor ? object.constructor.name : undefined, property: metadata.propertyName, object, value, constraints: metadata.constraints };
    for (const constraint of context.storage.getTargetValidatorConstraints(metadata.constraintCls)) {
      // validateSync ignores async constraints, so the same answer skips them; validate() awaits them: look closer.
      if (constraint.async) {
        if (context.async) return false;
        continue;
      }
      const instance = constraint.instance as { validate(value: unknown, args: unknown): unknown };
      const eachOf = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
      const results = eachOf ? [...(value instanceof Map ? value.values() : (value as Iterable<unknown>))].map((item) => instance.validate(item, args)) : [instance.validate(value, args)];
      // A promise from a sync validator: not modelled, let class-validator decide.
      if (!results.every((result) => !isPromise(result) && Boolean(result))) return false;
    }
  }
  return true;
}

function nestedPass(value: unknown, metadatas: ValidationMetadata[], context: Context): boolean {
  if (value === undefined) return true;
  for (const metadata of metadatas) {
    if (metadata.type === ValidationTypes.PROMISE_VALIDATION) return false;
    if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
      const items = value instanceof Set ? [...value] : value instanceof Map ? [...value.values()] : value;
      // class-validator validates each item against the nested rules alone: undefined passes, an object recurses, anything else fails.
      if (!items.every((item) => item === undefined || (item instanceof Object && passesAs(item, schemaOf(metadata), context)))) return false;
    } else if (value instanceof Object) {
      if (!passesAs(value, schemaOf(metadata), context)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function schemaOf(metadata: ValidationMetadata): string {
  return typeof metadata.target === 'string' ? metadata.target : (metadata.target as { name: string }).name;
}

function isPromise(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}
