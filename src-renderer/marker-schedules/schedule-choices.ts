import { AUTO_SCHEDULE } from '../../shared/strategy/strategies/time-window-schedule';
import { BUILTIN_SCHEDULES, type MarkerSchedule } from '../../shared/strategy/marker-schedule';

export interface ScheduleChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * The options of a strategy's `schedule` parameter: auto, the built-in
 * schedules, then the user's. A value that is none of them (a schedule since
 * deleted, or a run opened to edit) stays listed, marked, rather than the
 * select silently showing another.
 */
export function scheduleChoices(user: readonly MarkerSchedule[], current: string): ScheduleChoice[] {
  const choices: ScheduleChoice[] = [
    { value: AUTO_SCHEDULE, label: 'auto (from the bar interval)' },
    ...BUILTIN_SCHEDULES.map((s) => ({ value: s.name, label: `${s.name} (built-in)` })),
    ...user.map((s) => ({ value: s.name, label: s.name })),
  ];
  if (current !== '' && !choices.some((c) => c.value === current)) choices.push({ value: current, label: `${current} (not found)` });
  return choices;
}
