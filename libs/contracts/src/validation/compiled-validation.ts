import * as classValidator from 'class-validator';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import { ConstraintTest, fasterConstraint } from './faster-constraints';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];
type Class = new () => object;

/** Which class-validator call to answer for; groups, `always` and the skip* options are never used here. */
export interface CompiledValidationOptions {
  /** `whitelist: true, forbidNonWhitelisted: true` (the HTTP pipe, the batch route): an undecorated property is an error. */
  forbidNonWhitelisted?: boolean;
  /** `validate()` rather than `validateSync()`: async constraints would run, so their class is never "certainly valid". */
  async?: boolean;
}

/**
 * True only when `plainToInstance(cls, plain)` followed by class-validator (with `options`) would
 * report no error — decided on the parsed JSON itself, without building the instance (ADR 0022,
 * "compiled validation"). Each class is compiled once: its properties, the constraint functions of
 * class-validator's own decorators with their arguments built beforehand, the whitelist, the
 * nested classes from class-transformer's `@Type`.
 *
 * It answers "certainly valid" or "look closer". It says "look closer" (false) for any failing
 * constraint and for whatever it does not model — a class with `@Transform`/`@Expose`/`@Exclude`,
 * a discriminator, a `@Type` conversion (Date, Number…), a property initializer, `@ValidateIf`, a
 * custom or async constraint, a value that is not JSON-shaped (a Date, a Set, a class instance
 * class-transformer would copy differently) — and the caller then runs class-transformer and
 * class-validator exactly as before, so every error message stays class-validator's.
 * `compiled-validation.spec.ts` checks it never says yes where class-validator says no.
 */
export function certainlyValid(cls: Class, plain: unknown, options: CompiledValidationOptions = {}): boolean {
  if (!isAcceptedObject(plain, cls)) return false;
  return objectPasses(compiledFor(cls, undefined), plain, options);
}

/**
 * The instance `plainToInstance(cls, plain)` would build, for a `plain` that `certainlyValid` accepted
 * with `forbidNonWhitelisted` (so every property is a decorated one and every value JSON-shaped): a
 * `new cls()` (its declared fields, in order, as class-transformer starts from), each property
 * assigned in the plain's order, `@Type` objects built the same way, arrays and plain values copied.
 */
export function instantiateValidated<T extends object>(cls: new () => T, plain: object): T {
  return build(compiledFor(cls, undefined), plain) as T;
}

// ---------------------------------------------------------------------------------------------
// The compiled form of a class
// ---------------------------------------------------------------------------------------------

interface CompiledClass {
  cls: Class;
  /** False: every call answers "look closer" (something here is not modelled). */
  supported: boolean;
  /** Every own field `new cls()` declares is decorated (else the whitelist refuses every instance). */
  whitelistable: boolean;
  /** Some constraint is async: validateSync skips it, validate() would run it. */
  hasAsync: boolean;
  properties: Map<string, CompiledProperty>;
  /** How many properties fail when absent: all of them must be present. */
  required: number;
}

interface CompiledProperty {
  name: string;
  /** `@IsOptional()`: null and undefined skip every other check. */
  optional: boolean;
  checks: Check[];
  /** The constraints look at the value's own type only (isObject…): event validation need not walk it. */
  shallow: boolean;
  /** `@ValidateNested()`: the class to validate nested objects with, or null when there is no `@Type`. */
  nested?: { type: Class | null; schema: string; compiled?: CompiledClass };
  passesWhenAbsent: boolean;
}

interface Check {
  /** The built-in's verdict on one value (through a shortcut of faster-constraints.ts where there is one). */
  test: ConstraintTest;
  each: boolean;
}

/**
 * The names class-validator gives its own decorators (`isString`, `maxLength`…). Their validate
 * functions read only the value and `args.constraints`, never `args.object` or `args.value`, which
 * is what lets the arguments be built once and the plain object stand for the instance.
 */
const BUILT_IN = new Set(Object.values(classValidator).filter((value): value is string => typeof value === 'string'));
/** Built-ins whose verdict on a `@Type` value is the same for the plain object and the class instance built from it. */
const SAFE_ON_TYPED = new Set(['isDefined', 'isObject', 'isArray', 'arrayMinSize', 'arrayMaxSize', 'arrayNotEmpty', 'isNotEmpty']);
/** Built-ins that look only at whether the value is there, an object, an array: a copy answers alike. */
const SHALLOW = new Set(['isDefined', 'isObject', 'isArray', 'isNotEmpty']);
/** `@Type(() => X)` targets that class-transformer converts to rather than builds. */
const CONVERTED: unknown[] = [String, Number, Boolean, Date, Buffer, Object, Array, Map, Set, Promise, Function, Symbol, BigInt, RegExp];

interface TransformerMetadata {
  reflectedType?: unknown;
  typeFunction?: (options?: unknown) => unknown;
  options?: { discriminator?: unknown };
}
interface TransformerStorage {
  findTypeMetadata(target: unknown, property: string): TransformerMetadata | undefined;
  getStrategy(target: unknown): string;
  _typeMetadatas?: unknown;
  _transformMetadatas?: unknown;
  _exposeMetadatas?: unknown;
  _excludeMetadatas?: unknown;
}
// The storage `@Type`/`@Transform`/`@Expose`/`@Exclude` write to (the same module class-transformer's own code requires).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage }).defaultMetadataStorage;

let generation = 0;
let byClass = new Map<Class, Map<string, CompiledClass>>();
let compiledGeneration = -1;

function compiledFor(cls: Class, schema: string | undefined): CompiledClass {
  if (compiledGeneration !== generation) {
    byClass = new Map();
    compiledGeneration = generation;
  }
  let forClass = byClass.get(cls);
  if (!forClass) byClass.set(cls, (forClass = new Map()));
  const key = schema ?? '';
  let compiled = forClass.get(key);
  if (!compiled) forClass.set(key, (compiled = compile(cls, schema)));
  return compiled;
}

const UNSUPPORTED = (cls: Class): CompiledClass => ({ cls, supported: false, whitelistable: false, hasAsync: false, properties: new Map(), required: 0 });

function compile(cls: Class, schema: string | undefined): CompiledClass {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, schema as string, false, false, undefined);
  // forbidUnknownValues (and an empty class is not worth a fast path anyway).
  if (!metadatas.length || !transformerPlain(cls)) return UNSUPPORTED(cls);
  const grouped = storage.groupByPropertyName(metadatas as ValidationMetadata[]);
  const declared = declaredFields(cls);
  if (!declared) return UNSUPPORTED(cls);
  const result: CompiledClass = { cls, supported: true, whitelistable: declared.every((field) => Object.hasOwn(grouped, field)), hasAsync: false, properties: new Map(), required: 0 };
  if (typedButUnvalidated(cls, grouped)) return UNSUPPORTED(cls);
  for (const name of Object.keys(grouped)) {
    const property = compileProperty(cls, name, grouped[name], storage, result);
    if (!property) return UNSUPPORTED(cls);
    result.properties.set(name, property);
    if (!property.passesWhenAbsent) result.required++;
  }
  return result;
}

function compileProperty(cls: Class, name: string, metadatas: ValidationMetadata[], storage: Storage, owner: CompiledClass): CompiledProperty | undefined {
  // class-transformer skips a key the prototype has (method, getter, Object.prototype's names); Nest's pipe deletes `prototype`.
  if (name in cls.prototype || name === 'prototype') return undefined;
  const property: CompiledProperty = { name, optional: false, checks: [], shallow: true, passesWhenAbsent: true };
  const typeMetadata = transformerStorage.findTypeMetadata(cls, name);
  const type = typeMetadata ? typedClass(typeMetadata) : null;
  if (type === undefined) return undefined;
  for (const metadata of metadatas) {
    switch (metadata.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        // @IsOptional only: a @ValidateIf condition is code that would see the plain object instead of the instance.
        if (metadata.name !== 'isOptional') return undefined;
        property.optional = true;
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION:
        if (!addChecks(cls, metadata, storage, property, owner, type !== null)) return undefined;
        break;
      case ValidationTypes.NESTED_VALIDATION:
        if (property.nested) return undefined;
        property.nested = { type, schema: typeof metadata.target === 'string' ? metadata.target : (metadata.target as { name: string }).name };
        property.shallow = false;
        break;
      case ValidationTypes.WHITELIST:
        break;
      default:
        // PROMISE_VALIDATION, or a metadata type this file does not know.
        return undefined;
    }
  }
  // A @Type without @ValidateNested would hand class-validator an instance nobody walks here.
  if (type !== null && !property.nested) return undefined;
  property.passesWhenAbsent = propertyPasses(property, undefined, {});
  return property;
}

function addChecks(cls: Class, metadata: ValidationMetadata, storage: Storage, property: CompiledProperty, owner: CompiledClass, typed: boolean): boolean {
  if ((metadata as { validateIf?: unknown }).validateIf) return false;
  const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
  for (const constraint of constraints) {
    if (!metadata.name || metadata.name !== constraint.name || !BUILT_IN.has(constraint.name)) return false;
    if (typed && !SAFE_ON_TYPED.has(constraint.name)) return false;
    if (!SHALLOW.has(constraint.name)) property.shallow = false;
    if (constraint.async) {
      owner.hasAsync = true;
      continue;
    }
    const args: ValidationArguments = Object.freeze({ targetName: cls.name, property: metadata.propertyName, object: undefined as unknown as object, value: undefined, constraints: metadata.constraints });
    const instance = constraint.instance as { validate(value: unknown, args: ValidationArguments): unknown };
    const builtIn: ConstraintTest = (value) => Boolean(instance.validate(value, args));
    property.checks.push({ test: fasterConstraint(constraint.name, metadata.constraints, builtIn) ?? builtIn, each: Boolean(metadata.each) });
  }
  return true;
}

/** The class a `@Type` builds, null when none is declared, undefined when it is not modelled. */
function typedClass(metadata: TransformerMetadata): Class | undefined {
  if (metadata.options?.discriminator) return undefined;
  // A type function that reads its options (the object being built) may pick another class per value.
  if (metadata.typeFunction && metadata.typeFunction.length > 0) return undefined;
  const type = metadata.typeFunction ? metadata.typeFunction() : metadata.reflectedType;
  if (typeof type !== 'function' || CONVERTED.includes(type)) return undefined;
  // An array value is rebuilt as `new reflectedType()` when that has a push (a Set stays a Set).
  const reflected = metadata.reflectedType as { prototype?: object } | undefined;
  if (reflected === Map || reflected === Set || (reflected && reflected !== Array && reflected !== Object && reflected.prototype && 'push' in reflected.prototype)) return undefined;
  return type as Class;
}

/** The own fields `new cls()` declares (TypeScript's `x!: T` under ES2022 class fields), or undefined if it sets any default. */
function declaredFields(cls: Class): string[] | undefined {
  let probe: object;
  try {
    probe = new cls();
  } catch {
    return undefined;
  }
  if (Object.getPrototypeOf(probe) !== cls.prototype) return undefined;
  const fields = Object.getOwnPropertyNames(probe);
  // A default (`= 'x'`) is in the instance class-transformer builds but not in the plain object.
  if (fields.some((field) => (probe as Record<string, unknown>)[field] !== undefined)) return undefined;
  return fields;
}

function lineage(cls: Class): unknown[] {
  const classes: unknown[] = [];
  for (let current: unknown = cls; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) classes.push(current);
  return classes;
}

/** No @Transform/@Expose/@Exclude on the class or its ancestors: class-transformer then copies keys as they are. */
function transformerPlain(cls: Class): boolean {
  const maps = [transformerStorage._transformMetadatas, transformerStorage._exposeMetadatas, transformerStorage._excludeMetadatas, transformerStorage._typeMetadatas];
  // Another class-transformer release may keep its metadata elsewhere: then nothing is "certainly valid".
  if (!maps.every((map) => map instanceof Map)) return false;
  if (transformerStorage.getStrategy(cls) !== 'none') return false;
  return lineage(cls).every((target) => maps.slice(0, 3).every((map) => !((map as Map<unknown, Map<unknown, unknown>>).get(target)?.size)));
}

/** A @Type on a property class-validator does not see would still be built (and could throw) by class-transformer. */
function typedButUnvalidated(cls: Class, grouped: Record<string, unknown>): boolean {
  const types = transformerStorage._typeMetadatas as Map<unknown, Map<string, unknown>>;
  return lineage(cls).some((target) => [...(types.get(target)?.keys() ?? [])].some((property) => !Object.hasOwn(grouped, property)));
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

/** An object class-transformer would build the class from key by key: a plain one (or already of the class), not a thenable. */
function isAcceptedObject(value: unknown, cls: Class): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== cls.prototype) return false;
  return typeof (value as { then?: unknown }).then !== 'function';
}

function objectPasses(compiled: CompiledClass, object: Record<string, unknown>, options: CompiledValidationOptions): boolean {
  if (!compiled.supported) return false;
  if (options.async && compiled.hasAsync) return false;
  if (options.forbidNonWhitelisted && !compiled.whitelistable) return false;
  let required = 0;
  // Object.keys: the keys class-transformer copies (own, enumerable); a decorated key absent here is undefined on the instance.
  for (const key of Object.keys(object)) {
    const property = compiled.properties.get(key);
    if (property === undefined) {
      if (options.forbidNonWhitelisted) return false;
      continue;
    }
    if (!propertyPasses(property, object[key], options)) return false;
    if (!property.passesWhenAbsent) required++;
  }
  return required === compiled.required;
}

/** class-validator's performValidations for one property, in its order: condition, constraints, nested. */
function propertyPasses(property: CompiledProperty, value: unknown, options: CompiledValidationOptions): boolean {
  if (property.optional && (value === null || value === undefined)) return true;
  if (!property.nested && typeof value === 'object' && value !== null && !(options.forbidNonWhitelisted || !property.shallow ? isJson(value) : isPlainContainer(value))) return false;
  for (const check of property.checks) {
    if (check.each && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!check.test(value[i])) return false;
    } else if (!check.test(value)) return false;
  }
  return property.nested ? nestedPasses(property.nested, value, options) : true;
}

/** class-validator's nestedValidations on what class-transformer would have built from `value`. */
function nestedPasses(nested: NonNullable<CompiledProperty['nested']>, value: unknown, options: CompiledValidationOptions): boolean {
  if (value === undefined) return true;
  // No @Type: class-transformer builds a plain object, which class-validator validates against Object's (no) rules.
  if (nested.type === null) return false;
  nested.compiled ??= compiledFor(nested.type, nested.schema);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) {
      // A gap is closed by class-transformer's copy; an item that is an array is not modelled.
      if (!(i in value)) return false;
      const item: unknown = value[i];
      if (item === undefined) continue;
      if (!isAcceptedObject(item, nested.type) || !objectPasses(nested.compiled, item, options)) return false;
    }
    return true;
  }
  return isAcceptedObject(value, nested.type) && objectPasses(nested.compiled, value, options);
}

/** Plain JSON data (what JSON.parse gives), which class-transformer's copy reproduces exactly. */
function isJson(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJson(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    // Skipped by class-transformer's copy (or deleted by Nest's pipe): the copy would differ.
    if (key in Object.prototype || key === 'prototype' || !isJson((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** A plain object or array: copied by class-transformer into one of the same kind (a Set would become an array). */
function isPlainContainer(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype;
}

// ---------------------------------------------------------------------------------------------
// Building the instance
// ---------------------------------------------------------------------------------------------

function build(compiled: CompiledClass, plain: object): object {
  const instance = new compiled.cls() as Record<string, unknown>;
  for (const key of Object.keys(plain)) {
    const value = (plain as Record<string, unknown>)[key];
    const nested = compiled.properties.get(key)?.nested;
    instance[key] = nested?.type ? buildTyped(nested.compiled ?? compiledFor(nested.type, nested.schema), value) : copyJson(value);
  }
  return instance;
}

function buildTyped(compiled: CompiledClass, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => buildTyped(compiled, item));
  return typeof value === 'object' && value !== null ? build(compiled, value) : value;
}

function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Recompiling when metadata changes
// ---------------------------------------------------------------------------------------------

const WATCHED = Symbol.for('cxm.compiledValidation.watched');

/** Any decorator that registers metadata later (a class loaded lazily) makes every class compile again. */
function watch(target: object, methods: string[]): void {
  const marked = target as Record<string | symbol, unknown>;
  if (marked[WATCHED]) return;
  marked[WATCHED] = true;
  for (const method of methods) {
    const original = marked[method];
    if (typeof original !== 'function') continue;
    marked[method] = function (this: unknown, ...args: unknown[]) {
      generation++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

watch(getMetadataStorage(), ['addValidationMetadata', 'addConstraintMetadata']);
watch(transformerStorage, ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata', 'clear']);
