import { lowerBoundOf } from '../domain/sorted-search';
import { DAY_MS } from '../domain/interval';
import { weekdayOfDays } from '../market/civil-date';
import type { MarketKind } from '../market/market-kind';
import { nyInstant, nyLocal } from '../market/new-york-time';
import { FX_ROLL_MINUTE, isOpenAt, usEquitySession } from '../market/sessions';
import { parseScheduleDate, parseTimeOfDay, type MarkerSchedule } from './marker-schedule';

/**
 * Where a marker schedule's markers fall for one market, as UTC instants:
 * - `times`: each time of day on each New York civil day, when the market is
 *   open then (US equities: NYSE sessions, so no marker on a holiday or after
 *   an early close; DST by the New York rules);
 * - `sessions`: the open of every `every`-th session counted from the first
 *   session on or after `anchor` (sessions before the anchor count backwards);
 *   a session is the market's own (an NYSE day, a UTC day for crypto, an FX
 *   day opening 17:00 New York the evening before);
 * - `dates`: a date's session open, or a date-time when the market is open
 *   then (a date without a session marks nothing).
 * Pure and deterministic: the next marker is known before it prints.
 */
export class MarkerClock {
  private readonly minutes: readonly number[] = [];
  private readonly every: number = 1;
  private readonly anchorDay: number = 0;
  /** `dates`: every marker, sorted. */
  private readonly fixed: readonly number[] | null = null;
  /** Session count cursor: `cursorIndex` sessions lie in [anchorDay, cursorDay) (negative before the anchor). */
  private cursorDay: number;
  private cursorIndex = 0;
  /** Markers by day, for the days asked about recently (a run walks forward: a small cache suffices). */
  private readonly cache = new Map<number, readonly number[]>();

  constructor(
    readonly schedule: MarkerSchedule,
    private readonly market: MarketKind,
  ) {
    switch (schedule.kind) {
      case 'times':
        this.minutes = schedule.times.map((t) => parseTimeOfDay(t) ?? Number.NaN);
        break;
      case 'sessions':
        this.every = schedule.every;
        this.anchorDay = parseScheduleDate(schedule.anchor)?.days ?? 0;
        break;
      case 'dates':
        this.fixed = resolveDates(schedule.dates, market);
        break;
    }
    this.cursorDay = this.anchorDay;
  }

  /** Markers in [from, to), oldest first. */
  between(from: number, to: number): number[] {
    if (this.fixed !== null) return this.fixed.slice(lowerBoundOf(this.fixed, from), lowerBoundOf(this.fixed, to));
    const out: number[] = [];
    const last = nyLocal(to).days + 1;
    for (let day = nyLocal(from).days - 2; day <= last; day++) {
      for (const t of this.dayMarkers(day)) if (t >= from && t < to) out.push(t);
    }
    return out;
  }

  /** The latest marker at or before `t`, or null (none within reach: before a `dates` list, or far back). */
  atOrBefore(t: number): number | null {
    if (this.fixed !== null) {
      const i = lowerBoundOf(this.fixed, t + 1) - 1;
      return i >= 0 ? (this.fixed[i] ?? null) : null;
    }
    const first = nyLocal(t).days + 1;
    for (let day = first; day >= first - this.reachDays(); day--) {
      const markers = this.dayMarkers(day);
      for (let i = markers.length - 1; i >= 0; i--) {
        const m = markers[i] ?? Number.NaN;
        if (m <= t) return m;
      }
    }
    return null;
  }

  /** The next `count` markers strictly after `t` (fewer at the end of a `dates` list). */
  after(t: number, count: number): number[] {
    if (this.fixed !== null) {
      const i = lowerBoundOf(this.fixed, t + 1);
      return this.fixed.slice(i, i + count);
    }
    const out: number[] = [];
    const first = nyLocal(t).days - 2;
    for (let day = first; out.length < count && day <= first + this.reachDays() * count; day++) {
      for (const m of this.dayMarkers(day)) if (m > t && out.length < count) out.push(m);
    }
    return out;
  }

  /** How many days back or forward one marker can lie (a holiday closure, or `every` sessions). */
  private reachDays(): number {
    return this.schedule.kind === 'sessions' ? 2 * this.every + 30 : 30;
  }

  /** The markers of New York civil day `day` (for `sessions`: of the session dated `day`), oldest first. */
  private dayMarkers(day: number): readonly number[] {
    const cached = this.cache.get(day);
    if (cached !== undefined) return cached;
    const markers = this.computeDay(day);
    if (this.cache.size >= DAY_CACHE) this.cache.clear();
    this.cache.set(day, markers);
    return markers;
  }

  private computeDay(day: number): readonly number[] {
    if (this.schedule.kind === 'times') {
      const out: number[] = [];
      for (const minute of this.minutes) {
        const t = nyInstant(day, minute);
        if (isOpenAt(this.market, t)) out.push(t);
      }
      return out;
    }
    if (!isSessionDay(this.market, day)) return [];
    return mod(this.sessionIndex(day), this.every) === 0 ? [sessionOpen(this.market, day)] : [];
  }

  /** The session dated `day` counted from the anchor: 0 for the first session on or after it. */
  private sessionIndex(day: number): number {
    while (this.cursorDay < day) {
      if (isSessionDay(this.market, this.cursorDay)) this.cursorIndex++;
      this.cursorDay++;
    }
    while (this.cursorDay > day) {
      this.cursorDay--;
      if (isSessionDay(this.market, this.cursorDay)) this.cursorIndex--;
    }
    return this.cursorIndex;
  }
}

const DAY_CACHE = 64;

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Whether the market has a session dated `day`. */
function isSessionDay(market: MarketKind, day: number): boolean {
  switch (market) {
    case 'us-equity':
      return usEquitySession(day) !== null;
    case 'crypto':
      return true;
    case 'fx': {
      const wd = weekdayOfDays(day);
      return wd !== 0 && wd !== 6;
    }
  }
}

/** The open of the session dated `day` (which must exist). */
function sessionOpen(market: MarketKind, day: number): number {
  switch (market) {
    case 'us-equity':
      return usEquitySession(day)?.open ?? Number.NaN;
    case 'crypto':
      return day * DAY_MS;
    case 'fx':
      return nyInstant(day - 1, FX_ROLL_MINUTE);
  }
}

function resolveDates(dates: readonly string[], market: MarketKind): number[] {
  const out: number[] = [];
  for (const text of dates) {
    const d = parseScheduleDate(text);
    if (d === null) continue;
    let t: number | null;
    if (d.minute === null) t = isSessionDay(market, d.days) ? sessionOpen(market, d.days) : null;
    else {
      const at = nyInstant(d.days, d.minute);
      t = isOpenAt(market, at) ? at : null;
    }
    if (t !== null && (out.length === 0 || t > (out.at(-1) ?? 0))) out.push(t);
  }
  return out;
}

