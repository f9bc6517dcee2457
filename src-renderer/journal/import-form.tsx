import { useState, type ReactElement } from 'react';
import type { ImportResult } from '../../shared/contract';
import { MAX_IMPORT_CSV_CHARS } from '../../shared/contract';
import type { JournalStore } from './journal-store';

/** The outcome of an import: what was added, what was already there, and each refused line with its reason. */
function ImportSummary({ result }: { readonly result: ImportResult }): ReactElement {
  return (
    <div className="journal-import-result" data-testid="journal-import-result" data-added={result.added} data-already={result.alreadyThere} data-rejected={result.rejected.length}>
      <p>
        {result.read} rows read ({result.format}): <strong>{result.added} added</strong>, {result.alreadyThere} already in the journal
        {result.createdAccounts.length > 0 ? `; new account${result.createdAccounts.length === 1 ? '' : 's'} ${result.createdAccounts.join(', ')}` : ''}.
      </p>
      {result.rejected.length > 0 && (
        <ul className="tone-bad" data-testid="journal-import-rejected">
          {result.rejected.map((r) => (
            <li key={r.line}>
              line {r.line}: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Import executions from a CSV (Tradervue generic, or Tapedeck's own export) into an account. */
export function ImportForm({ store }: { readonly store: JournalStore }): ReactElement {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<'tradervue' | 'tapedeck'>('tapedeck');
  const [account, setAccount] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const { run, openForm, fail } = store.getState();
  const readFile = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    if (file.size > MAX_IMPORT_CSV_CHARS) {
      fail(new Error(`${file.name} is over ${String(MAX_IMPORT_CSV_CHARS)} characters: import it with \`tapedeck journal import --csv\``));
      return;
    }
    setCsv(await file.text());
    setFileName(file.name);
  };
  const submit = async (): Promise<void> => {
    const trimmed = account.trim();
    const r = await run((c) => c.call('journal.import', { csv, format, ...(trimmed === '' ? {} : { account: trimmed }) }));
    if (r !== null) setResult(r);
  };
  return (
    <section className="journal-form" data-testid="journal-import-form" aria-label="Import executions">
      <h4>Import executions from CSV</h4>
      <div className="journal-form-row">
        <label className="field">
          <span className="field-label">File</span>
          <input type="file" accept=".csv,text/csv" data-testid="journal-import-file" onChange={(e) => void readFile(e.target.files?.[0])} />
        </label>
        <label className="field">
          <span className="field-label">Format</span>
          <select className="input" data-testid="journal-import-format" value={format} onChange={(e) => setFormat(e.target.value === 'tradervue' ? 'tradervue' : 'tapedeck')}>
            <option value="tapedeck">Tapedeck export</option>
            <option value="tradervue">Tradervue generic</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Into account (name or id)</span>
          <input className="input" data-testid="journal-import-account" value={account} placeholder={format === 'tapedeck' ? "the file's accounts" : 'the active account'} onChange={(e) => setAccount(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{fileName === null ? 'Or paste the CSV' : `${fileName} (${String(csv.length)} characters)`}</span>
        <textarea
          className="input journal-csv"
          data-testid="journal-import-text"
          rows={5}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setFileName(null);
          }}
        />
      </label>
      <div className="journal-form-row">
        <button type="button" className="button primary" data-testid="journal-import-run" disabled={csv.trim() === ''} onClick={() => void submit()}>
          Import
        </button>
        <button type="button" className="button" onClick={() => openForm('none')}>
          Close
        </button>
      </div>
      {result !== null && <ImportSummary result={result} />}
    </section>
  );
}
