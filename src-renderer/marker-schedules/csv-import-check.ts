import { markerScheduleFromCsv } from '../../shared/strategy/marker-schedule-csv';
import { isBuiltinSchedule, type MarkerSchedule } from '../../shared/strategy/marker-schedule';

/** A CSV chosen in the import form: its file name and text. */
export interface CsvChoice {
  readonly fileName: string;
  readonly text: string;
}

/** The largest CSV read (10,000 timestamps, the most a schedule holds, fit in well under this). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Why a chosen file is not read at all, or null. */
export function csvFileProblem(size: number): string | null {
  return size > MAX_CSV_BYTES ? `the file is larger than ${String(MAX_CSV_BYTES / 1024 / 1024)} MB; a schedule holds at most 10,000 timestamps` : null;
}

export type CsvField = 'name' | 'file' | '';
export type CsvErrors = Readonly<Partial<Record<CsvField, string>>>;

export type CsvImportCheck = { readonly ok: true; readonly schedule: MarkerSchedule } | { readonly ok: false; readonly errors: CsvErrors };

/**
 * The `dates` schedule a CSV of timestamps makes, read here in the renderer
 * (markerScheduleFromCsv, pure), or why not: a name that is missing or taken
 * under the name, a bad line ("line 4: …") under the file.
 */
export function checkCsvImport(name: string, file: CsvChoice | null, current: readonly MarkerSchedule[]): CsvImportCheck {
  if (name.trim() === '') return { ok: false, errors: { name: 'give the schedule a name' } };
  if (isBuiltinSchedule(name)) return { ok: false, errors: { name: `${JSON.stringify(name)} is the name of a built-in schedule` } };
  if (current.some((s) => s.name === name)) return { ok: false, errors: { name: `${JSON.stringify(name)} is already the name of one of your schedules` } };
  if (file === null) return { ok: false, errors: { file: 'choose a CSV file of timestamps' } };
  const read = markerScheduleFromCsv(name, file.text);
  if (read.ok) return read;
  // A refused name comes back without a line, its message led by the field.
  if (read.line === 0 && read.message.startsWith('name: ')) return { ok: false, errors: { name: read.message.slice('name: '.length) } };
  return { ok: false, errors: { file: read.message } };
}
