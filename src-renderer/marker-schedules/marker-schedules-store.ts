import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../shared/contract';
import type { MarkerSchedule } from '../../shared/strategy/marker-schedule';
import type { SettingsStore } from '../settings/settings-store';
import { checkCsvImport, type CsvChoice, type CsvErrors } from './csv-import-check';
import { draftOf, newDraft, scheduleOfDraft, type DraftErrors, type ScheduleDraft } from './schedule-draft';
import { draftErrorsOf } from './schedule-error-fields';
import { withoutSchedule, withSchedule } from './schedule-list-edit';

export type DraftPatch = Partial<Omit<ScheduleDraft, 'original'>>;

export interface MarkerSchedulesState {
  /** The schedule being created or edited, or null. */
  readonly draft: ScheduleDraft | null;
  readonly draftErrors: DraftErrors;
  readonly csvName: string;
  readonly csvFile: CsvChoice | null;
  readonly csvErrors: CsvErrors;
  readonly saving: boolean;
  /** Why the last delete was refused. */
  readonly error: ContractError | null;
  /** What the last save, import or delete did. */
  readonly notice: string | null;

  readonly startNew: () => void;
  readonly startEdit: (schedule: MarkerSchedule) => void;
  readonly editDraft: (patch: DraftPatch) => void;
  readonly cancelDraft: () => void;
  /** Saves the draft with the whole new list; a refusal shows under the field it names. Resolves true once stored. */
  readonly saveDraft: () => Promise<boolean>;
  readonly remove: (name: string) => Promise<boolean>;
  readonly chooseCsv: (file: CsvChoice | null) => void;
  /** A chosen file that cannot be read: no file, and why under the file input. */
  readonly refuseCsv: (message: string) => void;
  readonly editCsvName: (name: string) => void;
  /** Reads the chosen CSV into a `dates` schedule and saves it. Resolves true once stored. */
  readonly importCsv: () => Promise<boolean>;
  readonly dismissError: () => void;
}

export type MarkerSchedulesStore = StoreApi<MarkerSchedulesState>;

/** The Markers pane: the user's marker schedules edited through the settings (whole list per write). */
export function createMarkerSchedulesStore(settings: SettingsStore): MarkerSchedulesStore {
  const userSchedules = (): readonly MarkerSchedule[] => settings.getState().settings?.markerSchedules ?? [];

  return createStore<MarkerSchedulesState>()((set, get) => ({
    draft: null,
    draftErrors: {},
    csvName: '',
    csvFile: null,
    csvErrors: {},
    saving: false,
    error: null,
    notice: null,
    startNew: () => {
      set({ draft: newDraft(), draftErrors: {}, notice: null });
    },
    startEdit: (schedule) => {
      set({ draft: draftOf(schedule), draftErrors: {}, notice: null });
    },
    editDraft: (patch) => {
      const draft = get().draft;
      if (draft !== null) set({ draft: { ...draft, ...patch }, draftErrors: {} });
    },
    cancelDraft: () => {
      set({ draft: null, draftErrors: {} });
    },
    saveDraft: async () => {
      const draft = get().draft;
      if (draft === null || get().saving) return false;
      const read = scheduleOfDraft(draft);
      if (!read.ok) {
        set({ draftErrors: read.errors });
        return false;
      }
      set({ saving: true, draftErrors: {}, notice: null });
      let index = -1;
      const refused = await settings.getState().saveMarkerSchedules((current) => {
        const next = withSchedule(current, draft.original, read.schedule);
        index = next.index;
        return next.list;
      });
      if (refused !== null) {
        set({ saving: false, draftErrors: draftErrorsOf(refused, index, read.lines) });
        return false;
      }
      set({ saving: false, draft: null, notice: `Saved "${read.schedule.name}"` });
      return true;
    },
    remove: async (name) => {
      set({ error: null, notice: null });
      const refused = await settings.getState().saveMarkerSchedules((current) => withoutSchedule(current, name));
      if (refused !== null) {
        set({ error: refused });
        return false;
      }
      set((s) => ({ notice: `Deleted "${name}"`, draft: s.draft?.original === name ? null : s.draft }));
      return true;
    },
    chooseCsv: (csvFile) => {
      set({ csvFile, csvErrors: {} });
    },
    refuseCsv: (message) => {
      set({ csvFile: null, csvErrors: { file: message } });
    },
    editCsvName: (csvName) => {
      set({ csvName, csvErrors: {} });
    },
    importCsv: async () => {
      const { csvName, csvFile, saving } = get();
      if (saving) return false;
      const check = checkCsvImport(csvName, csvFile, userSchedules());
      if (!check.ok) {
        set({ csvErrors: check.errors });
        return false;
      }
      set({ saving: true, csvErrors: {}, notice: null });
      let index = -1;
      const refused = await settings.getState().saveMarkerSchedules((current) => {
        const next = withSchedule(current, null, check.schedule);
        index = next.index;
        return next.list;
      });
      if (refused !== null) {
        const errors = draftErrorsOf(refused, index, []);
        set({ saving: false, csvErrors: errors.name !== undefined ? { name: errors.name } : { file: refused.message } });
        return false;
      }
      const count = check.schedule.kind === 'dates' ? check.schedule.dates.length : 0;
      set({ saving: false, csvName: '', csvFile: null, notice: `Imported "${check.schedule.name}" (${String(count)} ${count === 1 ? 'date' : 'dates'})` });
      return true;
    },
    dismissError: () => {
      set({ error: null });
    },
  }));
}
