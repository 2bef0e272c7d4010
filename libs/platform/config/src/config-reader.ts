/**
 * Reads environment variables into a typed configuration, collecting every problem before failing
 * so an operator fixes all of them in one go. Variables marked secret are never echoed back.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export class ConfigReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name];
    if (value !== undefined && value !== '') return value;
    if (fallback === undefined) this.problems.push(`${name} is required`);
    return fallback ?? '';
  }

  optionalString(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, range: { min: number; max: number }): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      this.problems.push(`${name} must be an integer from ${range.min} to ${range.max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  /** A duration such as `30d`, `12h`, `15m`, `90s` or `500ms` (a bare number is seconds), in milliseconds. */
  duration(name: string, fallback: string, range: { minMs: number; maxMs: number }): number {
    const raw = this.env[name] === undefined || this.env[name] === '' ? fallback : this.env[name]!;
    const value = parseDuration(raw);
    if (value === undefined || value < range.minMs || value > range.maxMs) {
      this.problems.push(`${name} must be a duration like 30d, 12h, 15m or 90s, from ${range.minMs} ms to ${range.maxMs / 86_400_000} days (got "${raw}")`);
      return parseDuration(fallback) ?? 0;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${this.env[name]}")`);
    return fallback;
  }

  list(name: string, fallback: string[]): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    return raw.split(',').map((item) => item.trim()).filter(Boolean);
  }

  /** `key=value,key=value`; a secret's values are not repeated in problems. */
  map(name: string, options: { secret?: boolean } = {}): Record<string, string> {
    const result: Record<string, string> = {};
    for (const pair of this.list(name, [])) {
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1) {
        this.problems.push(`${name} must be a comma-separated list of key=value (bad entry "${options.secret ? pair.slice(0, Math.max(at, 0)) + '=…' : pair}")`);
        continue;
      }
      result[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
    return result;
  }

  /** A secret URL (a webhook with a token in it) is not repeated in the problem. */
  url(name: string, value: string | undefined, options: { secret?: boolean } = {}): void {
    if (value === undefined) return;
    try {
      const url = new URL(value);
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error();
    } catch {
      this.problems.push(`${name} must be an http(s) URL${options.secret ? '' : ` (got "${value}")`}`);
    }
  }

  fail(problem: string): void {
    this.problems.push(problem);
  }

  /** Throws a ConfigError naming every bad variable, if any. */
  done(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }
}

const DURATION_UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30d` → 2592000000; a bare number is seconds; undefined when it is not a duration. */
function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * DURATION_UNIT_MS[(match[2] ?? 's') as keyof typeof DURATION_UNIT_MS]);
}
