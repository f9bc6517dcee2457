import type { MarkerSchedule } from './marker-schedule';

/**
 * A schedule in one line, for lists (the Markers pane, `tapedeck markers
 * list`): "09:30, 09:40 … 15:50 (39 times)", "every 15 sessions from
 * 2015-01-02", "12 dates, 2024-01-02 … 2024-06-28". Date-times read
 * "2024-01-02 10:00".
 */
export function scheduleSummary(schedule: MarkerSchedule): string {
  switch (schedule.kind) {
    case 'times':
      return timesSummary(schedule.times);
    case 'sessions':
      return schedule.every === 1 ? `every session from ${schedule.anchor}` : `every ${String(schedule.every)} sessions from ${schedule.anchor}`;
    case 'dates':
      return datesSummary(schedule.dates.map((d) => d.replace('T', ' ')));
  }
}

/** The first two and the last entry when there are more than three, all of them otherwise. */
function timesSummary(times: readonly string[]): string {
  const count = `(${String(times.length)} ${times.length === 1 ? 'time' : 'times'})`;
  const last = times.at(-1) ?? '';
  const shown = times.length > 3 ? `${times.slice(0, 2).join(', ')} … ${last}` : times.join(', ');
  return `${shown} ${count}`;
}

function datesSummary(dates: readonly string[]): string {
  const first = dates[0] ?? '';
  if (dates.length === 1) return `1 date, ${first}`;
  return `${String(dates.length)} dates, ${first} … ${dates.at(-1) ?? ''}`;
}
