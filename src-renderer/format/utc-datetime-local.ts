const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ]\s*(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Reads a typed date and time on a 24-hour clock as UTC: "2025-03-04 09:30"
 * (or the ISO "2025-03-04T09:30") → epoch ms of 2025-03-04 09:30:00 UTC.
 * Null when the value is empty, not a real date and time, or before 1970.
 */
export function parseUtcDateTimeLocal(value: string): number | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (m === null) return null;
  const part = (i: number): number => Number(m[i] ?? '0');
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const milli = Number((m[7] ?? '').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59 || year < 1970) return null;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  const d = new Date(t);
  // Date.UTC rolls 2025-02-30 over into March; refuse that instead.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return t;
}

/** `epochMs` as UTC to the minute, on a 24-hour clock, as the time fields show it ("2025-03-04 09:30"). */
export function formatUtcDateTimeLocal(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}
