import { DAY_MS } from '../../../../../shared/domain/interval';
import { civilFromDays, daysFromCivil, realCivilDays } from '../../../../../shared/market/civil-date';

/** Binance Vision publishes klines per calendar month and per UTC day. */
export type VisionPeriodKind = 'monthly' | 'daily';

/** One published file's period: open times in [start, end) (UTC ms). */
export interface VisionPeriod {
  readonly kind: VisionPeriodKind;
  /** As in the file name: 2024-01 (monthly) or 2024-01-15 (daily). */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function monthFrom(y: number, m: number): VisionPeriod {
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return { kind: 'monthly', label: `${String(y)}-${pad(m)}`, start: daysFromCivil(y, m, 1) * DAY_MS, end: daysFromCivil(next.y, next.m, 1) * DAY_MS };
}

function dayFrom(days: number): VisionPeriod {
  const { y, m, d } = civilFromDays(days);
  return { kind: 'daily', label: `${String(y)}-${pad(m)}-${pad(d)}`, start: days * DAY_MS, end: (days + 1) * DAY_MS };
}

/** `YYYY-MM` as a monthly period, or a reason. */
export function parseMonth(text: string): VisionPeriod | string {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const month = Number(m?.[2]);
  if (m === null || month < 1 || month > 12) return `"${text}" is not a month (YYYY-MM, e.g. 2024-01)`;
  return monthFrom(Number(m[1]), month);
}

/** `YYYY-MM-DD` (a real calendar date) as a daily period, or a reason. */
export function parseDay(text: string): VisionPeriod | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m === null) return `"${text}" is not a day (YYYY-MM-DD, e.g. 2024-01-15)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = realCivilDays(y, mo, d);
  if (days === null) return `"${text}" is not a real date`;
  return dayFrom(days);
}

/** The period right after `p`, of the same kind. */
export function nextPeriod(p: VisionPeriod): VisionPeriod {
  if (p.kind === 'daily') return dayFrom(p.end / DAY_MS);
  const { y, m } = civilFromDays(p.end / DAY_MS);
  return monthFrom(y, m);
}

/** Every period from `first` to `last` inclusive (empty when `last` is before `first`). */
export function periodsThrough(first: VisionPeriod, last: VisionPeriod): VisionPeriod[] {
  const out: VisionPeriod[] = [];
  for (let p = first; p.start <= last.start; p = nextPeriod(p)) out.push(p);
  return out;
}
