import { DEFAULT_ANCHOR, type MarkerSchedule, type MarkerScheduleInput } from '../../shared/strategy/marker-schedule';

export type ScheduleKind = MarkerSchedule['kind'];
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['times', 'sessions', 'dates'];

/** The schedule form as typed. */
export interface ScheduleDraft {
  /** The name of the user schedule being edited, or null for a new one. */
  readonly original: string | null;
  readonly name: string;
  readonly kind: ScheduleKind;
  /** `times` or `dates`: one entry a line. */
  readonly entries: string;
  /** `sessions`: every how many sessions, and counted from which date. */
  readonly every: string;
  readonly anchor: string;
}

/** The form's fields; '' is the form as a whole. */
export type DraftField = 'name' | 'kind' | 'entries' | 'every' | 'anchor' | '';
export type DraftErrors = Readonly<Partial<Record<DraftField, string>>>;

export function newDraft(): ScheduleDraft {
  return { original: null, name: '', kind: 'times', entries: '', every: '2', anchor: DEFAULT_ANCHOR };
}

/** The form filled in with a user schedule, to edit it. */
export function draftOf(schedule: MarkerSchedule): ScheduleDraft {
  const base = { ...newDraft(), original: schedule.name, name: schedule.name, kind: schedule.kind };
  switch (schedule.kind) {
    case 'times':
      return { ...base, entries: schedule.times.join('\n') };
    case 'dates':
      return { ...base, entries: schedule.dates.join('\n') };
    case 'sessions':
      return { ...base, every: String(schedule.every), anchor: schedule.anchor };
  }
}

/** A textarea's entries, one a line, trimmed, blank lines skipped; `lines[i]` is entry i's line (1-based). */
export function entryLines(text: string): { readonly entries: string[]; readonly lines: number[] } {
  const entries: string[] = [];
  const lines: number[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const entry = raw.trim();
    if (entry === '') continue;
    entries.push(entry);
    lines.push(i + 1);
  }
  return { entries, lines };
}

export type DraftRead =
  | { readonly ok: true; readonly schedule: MarkerScheduleInput; readonly lines: readonly number[] }
  | { readonly ok: false; readonly errors: DraftErrors };

/**
 * The schedule a draft describes, with the textarea line of each entry. Only
 * what cannot cross the contract is refused here (`every` that is not a
 * number); the core checks the rest, and its refusal names the entry.
 */
export function scheduleOfDraft(draft: ScheduleDraft): DraftRead {
  const { name } = draft;
  switch (draft.kind) {
    case 'times': {
      const { entries, lines } = entryLines(draft.entries);
      return { ok: true, schedule: { name, kind: 'times', times: entries }, lines };
    }
    case 'dates': {
      const { entries, lines } = entryLines(draft.entries);
      return { ok: true, schedule: { name, kind: 'dates', dates: entries }, lines };
    }
    case 'sessions': {
      const every = draft.every.trim();
      if (!/^\d{1,7}$/.test(every)) return { ok: false, errors: { every: `${JSON.stringify(draft.every)} is not a whole number of sessions` } };
      return { ok: true, schedule: { name, kind: 'sessions', every: Number(every), anchor: draft.anchor.trim() }, lines: [] };
    }
  }
}
