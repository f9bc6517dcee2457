import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../domain/interval';
import { BUILTIN_SCHEDULES, findSchedule, parseTimeOfDay, SESSION_OPEN_MINUTE, type MarkerSchedule } from '../marker-schedule';
import type { StrategySetup } from '../strategy';

/** The schedule name that picks a built-in schedule from the bar interval. */
export const AUTO_SCHEDULE = 'auto';

/** The higher timeframes a bias can come from: the built-in schedule whose blocks are its bars, and the bar length it must exceed. */
export const BIAS_TIMEFRAMES = {
  '4h': { schedule: 'every-2-sessions', spanMs: 4 * HOUR_MS },
  '1d': { schedule: 'every-15-sessions', spanMs: DAY_MS },
} as const;

/** `auto`: 5m bars or shorter → 'ny-10m'; up to 4h → 'every-2-sessions'; longer → 'every-15-sessions'. */
export function autoScheduleName(intervalMs: number): string {
  if (intervalMs <= 5 * MINUTE_MS) return 'ny-10m';
  if (intervalMs <= 4 * HOUR_MS) return 'every-2-sessions';
  return 'every-15-sessions';
}

/**
 * The schedule a time-window run uses, or an Error saying why not: the name
 * must be `auto`, a built-in or one of the user's schedules, and the bars
 * must fit it (a day or shorter; for times of day, intraday bars opening on
 * every marker: each time a whole number of bars after 09:30).
 */
export function resolveSchedule(name: string, setup: StrategySetup): MarkerSchedule {
  const user = setup.schedules ?? [];
  const wanted = name === AUTO_SCHEDULE ? autoScheduleName(setup.intervalMs) : name;
  const schedule = findSchedule(wanted, user);
  if (schedule === undefined) {
    const known = [AUTO_SCHEDULE, ...BUILTIN_SCHEDULES.map((s) => s.name), ...user.map((s) => s.name)];
    throw new Error(`schedule: unknown marker schedule ${JSON.stringify(name)} (known: ${known.join(', ')})`);
  }
  const problem = barsProblem(schedule, setup.intervalMs);
  if (problem !== null) throw new Error(`schedule: ${JSON.stringify(schedule.name)}: ${problem}`);
  return schedule;
}

function barsProblem(schedule: MarkerSchedule, intervalMs: number): string | null {
  if (!(intervalMs > 0) || intervalMs > DAY_MS) return `the bars must be one day or shorter (got intervalMs ${String(intervalMs)})`;
  if (schedule.kind !== 'times') return null;
  const barMinutes = intervalMs / MINUTE_MS;
  if (intervalMs >= DAY_MS || !Number.isInteger(barMinutes)) return 'times of day need intraday bars of whole minutes';
  for (const [i, text] of schedule.times.entries()) {
    const minute = parseTimeOfDay(text) ?? Number.NaN;
    if ((minute - SESSION_OPEN_MINUTE) % barMinutes !== 0) {
      return `times[${String(i)}] ${JSON.stringify(text)} is not the open of a ${String(barMinutes)}-minute bar (bars open every ${String(barMinutes)} minutes from 09:30)`;
    }
  }
  return null;
}
