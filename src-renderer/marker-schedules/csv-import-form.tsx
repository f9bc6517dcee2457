import { useState, type ReactElement, type SubmitEvent } from 'react';
import { useStore } from 'zustand';
import { FormField } from '../backtest/form-field';
import { csvFileProblem } from './csv-import-check';
import type { MarkerSchedulesStore } from './marker-schedules-store';

/** Import a CSV of timestamps as a `dates` schedule: read here, a bad line named under the file, then saved like any schedule. */
export function CsvImportForm({ store }: { readonly store: MarkerSchedulesStore }): ReactElement {
  const name = useStore(store, (s) => s.csvName);
  const file = useStore(store, (s) => s.csvFile);
  const errors = useStore(store, (s) => s.csvErrors);
  const saving = useStore(store, (s) => s.saving);
  const { chooseCsv, refuseCsv, editCsvName, importCsv } = store.getState();
  // A new input after each import, so the same file can be chosen again.
  const [inputKey, setInputKey] = useState(0);

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void importCsv().then((imported) => {
      if (imported) setInputKey((k) => k + 1);
    });
  };

  return (
    <form className="markers-import" onSubmit={submit} data-testid="marker-csv-form">
      <fieldset className="backtest-group">
        <legend className="backtest-legend">Import a CSV of timestamps</legend>
        <p className="muted markers-hint">
          One timestamp a line (the first column): YYYY-MM-DD, or YYYY-MM-DD HH:MM New York, or with Z / ±HH:MM. A header line is skipped.
        </p>
        <div className="backtest-row">
          <FormField label="File (.csv, .txt)" error={errors.file} errorTestId="marker-csv-file-error">
            <input
              key={inputKey}
              className="markers-file"
              type="file"
              accept=".csv,.txt"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen === undefined) {
                  chooseCsv(null);
                  return;
                }
                const problem = csvFileProblem(chosen.size);
                if (problem !== null) {
                  refuseCsv(problem);
                  return;
                }
                chosen.text().then(
                  (text) => {
                    chooseCsv({ fileName: chosen.name, text });
                  },
                  (reason: unknown) => {
                    refuseCsv(`the file could not be read: ${reason instanceof Error ? reason.message : String(reason)}`);
                  },
                );
              }}
              data-testid="marker-csv-file"
            />
          </FormField>
          <FormField label="Schedule name" error={errors.name} errorTestId="marker-csv-name-error">
            <input
              className="input markers-name-input"
              value={name}
              maxLength={64}
              spellCheck={false}
              onChange={(e) => {
                editCsvName(e.target.value);
              }}
              data-testid="marker-csv-name"
            />
          </FormField>
          <button type="submit" className="button button-primary backtest-small markers-import-button" disabled={saving} data-testid="marker-csv-import">
            Import
          </button>
        </div>
        {errors[''] !== undefined && (
          <span className="backtest-field-error markers-form-error" role="alert">
            {errors['']}
          </span>
        )}
        {file !== null && (
          <span className="muted" data-testid="marker-csv-chosen">
            {file.fileName}: {String(file.text.split(/\r?\n/).filter((l) => l.trim() !== '').length)} lines read
          </span>
        )}
      </fieldset>
    </form>
  );
}
