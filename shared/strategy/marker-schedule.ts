import { z } from 'zod';
import { realCivilDays } from '../market/civil-date';

/**
 * Marker schedules: the times that cut a chart into the blocks the
 * time-window model reads (the previous block's high and low are the day's
 * lines). A schedule is named and user-editable (stored in the settings),
 * in one of three kinds, all in New York time:
 * - `times`: times of day, HH:MM, inside the regular session 09:30–16:00
 *   (a marker at 09:30 and 09:40 and onwards on the trader's 5-minute chart);
 *   a time after an early close does not exist that day;
 * - `sessions`: a marker at the open of every `every`-th session, counted
 *   from the `anchor` date's session (or the first one after it);
 * - `dates`: dates (a marker at that session's open) or date-times
 *   `YYYY-MM-DDTHH:MM` (inside the session), e.g. imported from a CSV.
 * Refused, with the entry named (`times[3]`): an empty list, an entry that is
 * not well formed, an unsorted or duplicate entry, a time outside the session.
 */

/** The regular session's open and close, in minutes after midnight New York. */
export const SESSION_OPEN_MINUTE = 9 * 60 + 30;
export const SESSION_CLOSE_MINUTE = 16 * 60;
/** Where a `sessions` schedule counts from when no anchor is given (a session day). */
export const DEFAULT_ANCHOR = '2015-01-02';
/** The most schedules the settings hold. */
export const MAX_MARKER_SCHEDULES = 50;

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Minutes after midnight of "HH:MM", or null when it is not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (m === null) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** A `dates` entry: its New York civil day and, for a date-time, its minute of day (null: the session's open). */
export interface ScheduleDate {
  readonly days: number;
  readonly minute: number | null;
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a real calendar date and time of day), else null. */
export function parseScheduleDate(text: string): ScheduleDate | null {
  const m = DATE_RE.exec(text);
  if (m === null) return null;
  const days = realCivilDays(Number(m[1]), Number(m[2]), Number(m[3]));
  if (days === null) return null;
  if (m[4] === undefined) return { days, minute: null };
  const minute = parseTimeOfDay(`${m[4]}:${m[5] ?? ''}`);
  return minute === null ? null : { days, minute };
}

function inSession(minute: number): boolean {
  return minute >= SESSION_OPEN_MINUTE && minute < SESSION_CLOSE_MINUTE;
}

const OUTSIDE = 'is outside the regular session 09:30–16:00 (New York)';

/** Checks a sorted list entry by entry: each must parse, may have to lie in the session, and must come after the one before. */
function checkSorted<T>(
  entries: readonly string[],
  field: string,
  parse: (text: string) => T | null,
  what: string,
  minuteOf: (entry: T) => number | null,
  keyOf: (entry: T) => number,
  ctx: z.RefinementCtx,
): void {
  let previous: { key: number; text: string } | null = null;
  for (const [i, text] of entries.entries()) {
    const path = [field, i];
    const entry = parse(text);
    if (entry === null) {
      ctx.addIssue({ code: 'custom', path, message: `${JSON.stringify(text)} is not ${what}` });
      return;
    }
    const minute = minuteOf(entry);
    if (minute !== null && !inSession(minute)) {
      ctx.addIssue({ code: 'custom', path, message: `${JSON.stringify(text)} ${OUTSIDE}` });
      return;
    }
    const key = keyOf(entry);
    if (previous !== null && key <= previous.key) {
      const why = key === previous.key ? `repeats ${field}[${String(i - 1)}] ${JSON.stringify(previous.text)}` : `is not after ${field}[${String(i - 1)}] ${JSON.stringify(previous.text)}`;
      ctx.addIssue({ code: 'custom', path, message: `${JSON.stringify(text)} ${why} (the list must be sorted, without duplicates)` });
      return;
    }
    previous = { key, text };
  }
}

const nameSchema = z
  .string()
  .min(1, 'give the schedule a name')
  .max(64)
  .refine((s) => s.trim() === s, 'a schedule name has no leading or trailing spaces')
  .refine((s) => s !== 'auto', '"auto" is reserved (it picks a built-in schedule from the bar interval)');

export const timesScheduleSchema = z
  .object({
    name: nameSchema,
    kind: z.literal('times'),
    times: z.array(z.string()).min(1, 'give at least one time (HH:MM, New York)').max(390),
  })
  .strict()
  .superRefine((s, ctx) => {
    checkSorted(s.times, 'times', parseTimeOfDay, 'a time of day HH:MM', (m) => m, (m) => m, ctx);
  });

export const sessionsScheduleSchema = z
  .object({
    name: nameSchema,
    kind: z.literal('sessions'),
    every: z.number().int().min(1).max(1000),
    anchor: z
      .string()
      .superRefine((s, ctx) => {
        if (parseScheduleDate(s)?.minute !== null) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(s)} is not a date YYYY-MM-DD` });
      })
      .default(DEFAULT_ANCHOR),
  })
  .strict();

export const datesScheduleSchema = z
  .object({
    name: nameSchema,
    kind: z.literal('dates'),
    dates: z.array(z.string()).min(1, 'give at least one date').max(10_000),
  })
  .strict()
  .superRefine((s, ctx) => {
    checkSorted(
      s.dates,
      'dates',
      parseScheduleDate,
      'a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM (New York)',
      (d) => d.minute,
      (d) => d.days * 1440 + (d.minute ?? SESSION_OPEN_MINUTE),
      ctx,
    );
  });

export const markerScheduleSchema = z.discriminatedUnion('kind', [timesScheduleSchema, sessionsScheduleSchema, datesScheduleSchema]);
export type MarkerSchedule = z.output<typeof markerScheduleSchema>;
export type MarkerScheduleInput = z.input<typeof markerScheduleSchema>;

/** Every 10 minutes from 09:30 to 15:50 New York: the trader's 5-minute chart. */
const NY_10M: MarkerSchedule = {
  name: 'ny-10m',
  kind: 'times',
  times: Array.from({ length: 39 }, (_, i) => SESSION_OPEN_MINUTE + 10 * i).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
};

/** The schedules every strategy can name; a user schedule may not take their names. */
export const BUILTIN_SCHEDULES: readonly MarkerSchedule[] = [
  NY_10M,
  { name: 'every-2-sessions', kind: 'sessions', every: 2, anchor: DEFAULT_ANCHOR },
  { name: 'every-15-sessions', kind: 'sessions', every: 15, anchor: DEFAULT_ANCHOR },
];

export function isBuiltinSchedule(name: string): boolean {
  return BUILTIN_SCHEDULES.some((s) => s.name === name);
}

/** The schedule called `name`: a built-in one, else one of the user's. */
export function findSchedule(name: string, user: readonly MarkerSchedule[] = []): MarkerSchedule | undefined {
  return BUILTIN_SCHEDULES.find((s) => s.name === name) ?? user.find((s) => s.name === name);
}

/** The settings' list: at most 50 schedules, names unique and not a built-in's. */
export const markerSchedulesSchema = z
  .array(markerScheduleSchema)
  .max(MAX_MARKER_SCHEDULES)
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    for (const [i, s] of list.entries()) {
      if (isBuiltinSchedule(s.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${JSON.stringify(s.name)} is the name of a built-in schedule` });
      const first = seen.get(s.name);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${JSON.stringify(s.name)} is already the name of schedule [${String(first)}]` });
      else seen.set(s.name, i);
    }
  });
