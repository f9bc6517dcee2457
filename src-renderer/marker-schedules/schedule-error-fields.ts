import type { ContractError } from '../../shared/contract';
import type { DraftErrors, DraftField } from './schedule-draft';

const FIELDS: Readonly<Record<string, DraftField>> = {
  name: 'name',
  kind: 'kind',
  times: 'entries',
  dates: 'entries',
  every: 'every',
  anchor: 'anchor',
};

/** A contract path's parts: `params.markerSchedules[2].times[3]` (or dotted) → ['markerSchedules', '2', 'times', '3']. */
function pathParts(path: string): string[] {
  const stripped = path.startsWith('params.') ? path.slice('params.'.length) : path;
  return stripped.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p !== '');
}

/** The message without the path it starts with ("params.markerSchedules[2].times[3]: …"). */
function bareMessage(error: ContractError): string {
  const prefix = `${error.path}: `;
  return error.path !== '' && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * Where a refused `settings.set { markerSchedules }` shows in the schedule
 * form: under the field its path names when the path is the saved schedule's
 * (`index` in the list sent), with an entry's textarea line (`lines[j]`,
 * 1-based) in front: `line 4: "09:35x" is not a time of day HH:MM`.
 * Anything else (another schedule, the list as a whole) is the form's ('').
 */
export function draftErrorsOf(error: ContractError, index: number, lines: readonly number[]): DraftErrors {
  const [root, at, key, entry] = pathParts(error.path);
  const message = bareMessage(error);
  if (root !== 'markerSchedules' || at === undefined || Number(at) !== index) return { '': error.message };
  const field = key === undefined ? '' : (FIELDS[key] ?? '');
  if (entry === undefined || field !== 'entries') return { [field]: message };
  const line = lines[Number(entry)] ?? Number(entry) + 1;
  return { entries: `line ${String(line)}: ${message}` };
}
