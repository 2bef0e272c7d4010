import { NativePayloadError } from '../channel-connector';

/**
 * A value inside a platform's native payload together with its JSON path, so every mapping
 * failure names the exact field (`entry[0].changes[1].value.message`) without each connector
 * spelling out paths by hand.
 */
export class NativeValue {
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}

  get(key: string): NativeValue {
    const child = this.isObject() ? (this.value as Record<string, unknown>)[key] : undefined;
    return new NativeValue(child, this.path ? `${this.path}.${key}` : key);
  }

  isPresent(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  /** The value itself, asserted to be a JSON object. */
  object(): NativeValue {
    if (!this.isObject()) this.fail('must be an object');
    return this;
  }

  /** The items of a required array. */
  array(): NativeValue[] {
    if (!Array.isArray(this.value)) this.fail('must be an array');
    return (this.value as unknown[]).map((item, index) => new NativeValue(item, `${this.path}[${index}]`));
  }

  /** The items of an array that may be absent (absent means none). */
  optionalArray(): NativeValue[] {
    return this.isPresent() ? this.array() : [];
  }

  /** A required, non-blank string. */
  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') this.fail('must be a non-empty string');
    return this.value as string;
  }

  optionalString(): string | undefined {
    if (!this.isPresent() || this.value === '') return undefined;
    return this.string();
  }

  /** An identifier platforms send either as a string or as a number. */
  id(): string {
    if (typeof this.value === 'number' && Number.isFinite(this.value)) return String(this.value);
    return this.string();
  }

  optionalId(): string | undefined {
    return this.isPresent() && this.value !== '' ? this.id() : undefined;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('must be a number');
    return this.value as number;
  }

  optionalNumber(): number | undefined {
    return this.isPresent() ? this.number() : undefined;
  }

  /** Throws the mapping error for this field: the webhook answers 400 naming it. */
  fail(message: string): never {
    throw new NativePayloadError(`${this.path || 'body'} ${message}`, this.path || 'body');
  }
}
