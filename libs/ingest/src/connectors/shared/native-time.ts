import { NativeValue } from './native-value';

// Unix times below this are seconds, above it milliseconds (10^11 s is the year 5138; 10^11 ms is 1973).
const MILLISECONDS_FROM = 1e11;

/**
 * A platform timestamp as canonical ISO-8601 UTC. Platforms send unix seconds (Meta, Reddit),
 * unix milliseconds (Messenger), numeric strings (WhatsApp) or ISO strings with offsets
 * (`2018-03-07T00:46:10+0000`); all come out alike.
 */
export function isoTime(value: NativeValue): string {
  const raw = value.value;
  let date: Date | undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) date = fromUnix(raw);
  else if (typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim())) date = fromUnix(Number(raw));
  else if (typeof raw === 'string' && raw.trim() !== '') date = new Date(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (!date || Number.isNaN(date.getTime())) value.fail('must be a time (ISO-8601 or unix seconds / milliseconds)');
  return date.toISOString();
}

export function optionalIsoTime(value: NativeValue): string | undefined {
  return value.isPresent() && value.value !== '' ? isoTime(value) : undefined;
}

function fromUnix(time: number): Date {
  return new Date(time >= MILLISECONDS_FROM ? time : time * 1000);
}
