import { DAY_MS, MINUTE_MS } from '../domain/interval';
import { weekdayOfDays } from '../market/civil-date';

/**
 * Wall-clock time in an IANA time zone (America/New_York, UTC, Europe/London…)
 * through Intl, so daylight saving is the zone database's, not ours. Intl is
 * slow per call (microseconds), so a clock remembers the zone's offset per
 * UTC day: when the offsets at both ends of a day agree, the whole day has
 * that offset (zones change offset a couple of times a year, never twice in
 * a day); on a day holding a change Intl is asked for each instant.
 */

/** About 270 years of days: bounded memory in a long-running process. */
const MAX_CACHED_DAYS = 100_000;

export interface LocalTime {
  /** The local calendar date as days since 1970-01-01. */
  readonly days: number;
  /** 0-1439. */
  readonly minuteOfDay: number;
  /** 0-23. */
  readonly hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
}

export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly dayOffsets = new Map<number, number>();

  /** Throws a RangeError naming the zone when Intl does not know it. */
  constructor(readonly zone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`"${zone}" is not an IANA time zone (e.g. America/New_York, UTC)`);
    }
  }

  /** The zone's offset from UTC at instant `t`, in ms (−4 h in New York summer). */
  offsetMs(t: number): number {
    const day = Math.floor(t / DAY_MS);
    let cached = this.dayOffsets.get(day);
    if (cached === undefined) {
      const start = this.exactOffset(day * DAY_MS);
      const end = this.exactOffset((day + 1) * DAY_MS - 1);
      cached = start === end ? start : Number.NaN;
      if (this.dayOffsets.size >= MAX_CACHED_DAYS) this.dayOffsets.clear();
      this.dayOffsets.set(day, cached);
    }
    return Number.isNaN(cached) ? this.exactOffset(t) : cached;
  }

  /** Local date, minute, hour and weekday of instant `t`. */
  local(t: number): LocalTime {
    const wall = t + this.offsetMs(t);
    const days = Math.floor(wall / DAY_MS);
    const minuteOfDay = Math.floor((wall - days * DAY_MS) / MINUTE_MS);
    return { days, minuteOfDay, hour: Math.floor(minuteOfDay / 60), weekday: weekdayOfDays(days) };
  }

  /** The local calendar date of `t` (days since 1970-01-01). */
  localDays(t: number): number {
    return Math.floor((t + this.offsetMs(t)) / DAY_MS);
  }

  /**
   * The instant of wall time `wallMs` (local date and time written as if it
   * were UTC ms). A time that happens twice (clocks going back) is its first
   * occurrence; a time that never happens (clocks jumping forward) is null.
   */
  instant(wallMs: number): number | null {
    const candidates = [this.exactOffset(wallMs - DAY_MS), this.exactOffset(wallMs + DAY_MS)];
    let best: number | null = null;
    for (const offset of candidates) {
      const t = wallMs - offset;
      if (this.exactOffset(t) === offset && (best === null || t < best)) best = t;
    }
    return best;
  }

  private exactOffset(t: number): number {
    const second = Math.floor(t / 1000) * 1000;
    const v: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of this.format.formatToParts(second)) v[part.type] = Number(part.value);
    return Date.UTC(v.year ?? 0, (v.month ?? 1) - 1, v.day ?? 1, v.hour ?? 0, v.minute ?? 0, v.second ?? 0) - second;
  }
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone (its day cache is reused across calls). */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}
