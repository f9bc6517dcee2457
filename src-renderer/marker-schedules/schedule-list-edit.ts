import type { MarkerSchedule, MarkerScheduleInput } from '../../shared/strategy/marker-schedule';

/**
 * The user's list with `schedule` saved: in place of the one called
 * `original` (an edit, perhaps renaming it), else at the end; and its index
 * there (a refusal's path names the schedule by it).
 */
export function withSchedule(
  current: readonly MarkerSchedule[],
  original: string | null,
  schedule: MarkerScheduleInput,
): { readonly list: MarkerScheduleInput[]; readonly index: number } {
  const at = original === null ? -1 : current.findIndex((s) => s.name === original);
  if (at < 0) return { list: [...current, schedule], index: current.length };
  return { list: current.map((s, i) => (i === at ? schedule : s)), index: at };
}

/** The user's list without the schedule called `name`. */
export function withoutSchedule(current: readonly MarkerSchedule[], name: string): MarkerSchedule[] {
  return current.filter((s) => s.name !== name);
}
