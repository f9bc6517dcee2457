/**
 * RFC 3339 timestamps as Alpaca sends them ("2024-01-03T14:30:00Z",
 * "2024-01-03T14:30:00.123456789Z", or with an offset) → UTC epoch ms,
 * fraction truncated to the millisecond. Anything else is null: no
 * Date.parse leniency (which accepts "2024-01-03" or local times).
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = frac === '' ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC rolls over (Feb 30 → Mar 1): a date that is not on the calendar is refused.
  if (new Date(t).getUTCDate() !== day) return null;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    t -= sign * offset * 60_000;
  }
  return t;
}

/** Epoch ms → the RFC 3339 form Alpaca accepts in `start`/`end` (UTC, milliseconds). */
export function toRfc3339(t: number): string {
  return new Date(t).toISOString();
}
