import { deriveId } from '@cxm/contracts';

/**
 * The id of a monitor's alert for one window: a UUIDv8 (RFC 9562, "custom") whose first 48 bits
 * are the window's start in epoch milliseconds — so ids sort by time and the store can list alerts
 * newest first — and whose other bits come from the uuid v5 of (tenant, monitor, window). Derived,
 * not random: two replicas, or a restart, firing for the same window make the same alert (ADR 0002).
 */
export function alertId(tenantId: string, monitorId: string, windowStartMs: number): string {
  const hash = deriveId('alert', tenantId, monitorId, String(windowStartMs)).replace(/-/g, '');
  const time = windowStartMs.toString(16).padStart(12, '0').slice(-12);
  const variant = ((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16);
  const hex = `${time}8${hash.slice(13, 16)}${variant}${hash.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
