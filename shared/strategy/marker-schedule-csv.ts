import { isoDate, realCivilDays } from '../market/civil-date';
import { nyLocal } from '../market/new-york-time';
import { markerScheduleSchema, type MarkerSchedule } from './marker-schedule';

/**
 * A marker schedule from a CSV of timestamps: one a line (the first column
 * when a line has several), an optional header line, blank lines skipped.
 * (A first line that does not start with a digit is a header.) A line reads as
 * - `YYYY-MM-DD`: that date's session open;
 * - `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]`: New York time
 *   (seconds must be 00);
 * - the same followed by `Z` or an offset `±HH:MM`: that instant, turned into
 *   New York time.
 * The result is a `dates` schedule, checked as any schedule is (sorted, no
 * duplicates, times inside the session); every refusal names its line.
 */

export type CsvScheduleResult = { readonly ok: true; readonly schedule: MarkerSchedule } | { readonly ok: false; readonly line: number; readonly message: string };

const STAMP_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** One timestamp as a `dates` entry ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" New York), or why not. */
export function csvStampEntry(text: string): { readonly entry: string } | { readonly error: string } {
  const m = STAMP_RE.exec(text);
  const bad = { error: `${JSON.stringify(text)} is not a date YYYY-MM-DD or a date-time YYYY-MM-DD HH:MM` };
  if (m === null) return bad;
  const [, y, mo, d, h, mi, s, zone] = m;
  const days = realCivilDays(Number(y), Number(mo), Number(d));
  if (days === null) return { error: `${JSON.stringify(text)} is not a calendar date` };
  if (h === undefined || mi === undefined) return { entry: isoDate(days) };
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return bad;
  if (s !== undefined && s !== '00') return { error: `${JSON.stringify(text)} has seconds; markers fall on whole minutes` };
  if (zone === undefined) return { entry: `${isoDate(days)}T${h}:${mi}` };
  const offsetMin = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const instant = days * 86_400_000 + (Number(h) * 60 + Number(mi) - offsetMin) * 60_000;
  const local = nyLocal(instant);
  const hh = String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0');
  const mm = String(local.minuteOfDay % 60).padStart(2, '0');
  return { entry: `${isoDate(local.days)}T${hh}:${mm}` };
}

/** Reads `text` into a `dates` schedule called `name`. */
export function markerScheduleFromCsv(name: string, text: string): CsvScheduleResult {
  const dates: string[] = [];
  /** The line each entry of `dates` came from. */
  const lineOf: number[] = [];
  let first = true;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const cell = (raw.split(/[,;\t]/)[0] ?? '').trim().replace(/^"(.*)"$/, '$1').trim();
    if (cell === '') continue;
    const header = first && !/^\d/.test(cell);
    first = false;
    if (header) continue;
    const read = csvStampEntry(cell);
    if ('error' in read) return { ok: false, line: i + 1, message: `line ${String(i + 1)}: ${read.error}` };
    dates.push(read.entry);
    lineOf.push(i + 1);
  }
  if (dates.length === 0) return { ok: false, line: 0, message: 'the file holds no timestamps' };
  const parsed = markerScheduleSchema.safeParse({ name, kind: 'dates', dates });
  if (parsed.success) return { ok: true, schedule: parsed.data };
  const issue = parsed.error.issues[0];
  const index = issue?.path[1];
  const line = typeof index === 'number' ? (lineOf[index] ?? 0) : 0;
  const message = issue?.message ?? 'invalid schedule';
  return { ok: false, line, message: line > 0 ? `line ${String(line)}: ${message}` : `${issue?.path.join('.') ?? ''}: ${message}` };
}
