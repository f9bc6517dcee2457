import type { ChartTimeZone } from '../../shared/chart/chart-time-zone';
import { DAY_MS, MINUTE_MS } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import { nyOffsetMinutes } from '../../shared/market/new-york-time';

/** The zone a chart's time axis, crosshair and legend are read in. */
export type ChartZone = 'America/New_York' | 'UTC' | 'local';

/** US equities in their exchange's zone; crypto and FX in the user's choice (UTC or local). */
export function chartZoneOf(market: MarketKind | null, choice: ChartTimeZone): ChartZone {
  if (market === 'us-equity') return 'America/New_York';
  return choice === 'local' ? 'local' : 'UTC';
}

/** The zone's offset from UTC at instant `t`, in minutes (New York by the DST rule, no Intl). */
export function zoneOffsetMinutes(zone: ChartZone, t: number): number {
  switch (zone) {
    case 'America/New_York':
      return nyOffsetMinutes(t);
    case 'UTC':
      return 0;
    case 'local':
      return -new Date(t).getTimezoneOffset();
  }
}

/** A wall-clock reading: civil day (days since 1970-01-01), minute of the day and second of the minute. */
export interface WallTime {
  readonly days: number;
  readonly minuteOfDay: number;
  readonly second: number;
}

export function wallTime(zone: ChartZone, t: number): WallTime {
  const local = t + zoneOffsetMinutes(zone, t) * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  const ms = local - days * DAY_MS;
  const minuteOfDay = Math.floor(ms / MINUTE_MS);
  return { days, minuteOfDay, second: Math.floor((ms - minuteOfDay * MINUTE_MS) / 1_000) };
}

/** A short name for the zone at `t`: "EST"/"EDT" for New York, "UTC", or "UTC+2"-style for local. */
export function zoneAbbreviation(zone: ChartZone, t: number): string {
  const offset = zoneOffsetMinutes(zone, t);
  switch (zone) {
    case 'America/New_York':
      return offset === -240 ? 'EDT' : 'EST';
    case 'UTC':
      return 'UTC';
    case 'local': {
      if (offset === 0) return 'UTC';
      const sign = offset > 0 ? '+' : '\u2212';
      const hours = Math.floor(Math.abs(offset) / 60);
      const minutes = Math.abs(offset) % 60;
      return `UTC${sign}${String(hours)}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
    }
  }
}
