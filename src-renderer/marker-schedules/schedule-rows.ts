import { BUILTIN_SCHEDULES, type MarkerSchedule } from '../../shared/strategy/marker-schedule';
import { scheduleSummary } from '../../shared/strategy/marker-schedule-summary';
import { nextMarkerTimes } from '../../shared/strategy/next-markers';

/** How many upcoming markers a row shows. */
export const NEXT_MARKERS = 3;

export interface ScheduleRow {
  readonly name: string;
  readonly builtin: boolean;
  readonly kind: MarkerSchedule['kind'];
  readonly summary: string;
  /** The next markers after now, New York time ("Mon 2024-03-11 09:40 ET"). */
  readonly next: readonly string[];
  /** The schedule itself (a user one is edited from it). */
  readonly schedule: MarkerSchedule;
}

/** Every schedule a strategy can name, the built-in ones first, then the user's in their order. */
export function scheduleRows(user: readonly MarkerSchedule[], now: number): ScheduleRow[] {
  const row = (schedule: MarkerSchedule, builtin: boolean): ScheduleRow => ({
    name: schedule.name,
    builtin,
    kind: schedule.kind,
    summary: scheduleSummary(schedule),
    next: nextMarkerTimes(schedule, now, NEXT_MARKERS),
    schedule,
  });
  return [...BUILTIN_SCHEDULES.map((s) => row(s, true)), ...user.map((s) => row(s, false))];
}
