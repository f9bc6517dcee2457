import { memo, useState, type ReactElement } from 'react';
import { parseNumber } from '../ticket/ticket-math';
import { COLUMN_INFO } from './chain-columns';
import { CHAIN_COLUMNS, STRIKE_COUNTS, type ChainView, type StrikeCount } from './chain-view';

export interface ChainControlsProps {
  readonly view: ChainView;
  readonly onChange: (change: Partial<ChainView>) => void;
}

/** A number field that applies what it reads when it is a number in [min, max] (an empty field: `empty`). */
function NumberField({ label, value, min, max, empty, testId, onValue }: { label: string; value: number | null; min: number; max: number; empty: number | null; testId: string; onValue: (n: number | null) => void }): ReactElement {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A value set from elsewhere (the stored view arriving, another window): the field shows it unless its text already reads as it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const reads = text.trim() === '' ? empty : parseNumber(text);
    if (reads !== (value ?? empty)) setText(value === null ? '' : String(value));
  }
  const bad = text.trim() !== '' && ((parseNumber(text) ?? -1) < min || (parseNumber(text) ?? -1) > max);
  return (
    <label className="chain-filter">
      <span className="field-label">{label}</span>
      <input
        className={bad ? 'input num is-invalid' : 'input num'}
        inputMode="decimal"
        value={text}
        aria-invalid={bad}
        title={bad ? `from ${String(min)} to ${String(max)}` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? empty : parseNumber(e.target.value);
          if (n === null ? empty === null : n >= min && n <= max) onValue(n);
        }}
      />
    </label>
  );
}

/** The chain's view controls: strikes around the money, the |delta| band, minimum open interest, maximum spread %, and which columns show. */
export const ChainControls = memo(function ChainControls({ view, onChange }: ChainControlsProps): ReactElement {
  return (
    <div className="chain-controls" data-testid="chain-controls">
      <label className="chain-filter">
        <span className="field-label">Strikes</span>
        <select
          className="input"
          value={view.strikes === null ? 'all' : String(view.strikes)}
          data-testid="chain-strikes"
          onChange={(e) => onChange({ strikes: (e.target.value === 'all' ? null : Number(e.target.value)) as StrikeCount })}
        >
          {STRIKE_COUNTS.map((n) => (
            <option key={String(n)} value={n === null ? 'all' : String(n)}>
              {n === null ? 'all' : `±${String(n)}`}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="|Δ| ≥" value={view.deltaMin === 0 ? null : view.deltaMin} min={0} max={1} empty={0} testId="chain-delta-min" onValue={(n) => onChange({ deltaMin: n ?? 0 })} />
      <NumberField label="|Δ| ≤" value={view.deltaMax === 1 ? null : view.deltaMax} min={0} max={1} empty={1} testId="chain-delta-max" onValue={(n) => onChange({ deltaMax: n ?? 1 })} />
      <NumberField label="OI ≥" value={view.minOpenInterest === 0 ? null : view.minOpenInterest} min={0} max={10_000_000} empty={0} testId="chain-min-oi" onValue={(n) => onChange({ minOpenInterest: n ?? 0 })} />
      <NumberField label="Spread % ≤" value={view.maxSpreadPct} min={0} max={1000} empty={null} testId="chain-max-spread" onValue={(n) => onChange({ maxSpreadPct: n })} />
      <details className="chain-columns">
        <summary data-testid="chain-columns-toggle">Columns</summary>
        <div className="chain-columns-list">
          {CHAIN_COLUMNS.map((id) => (
            <label key={id} className="check-field">
              <input
                type="checkbox"
                checked={view.columns.includes(id)}
                data-testid={`chain-column-${id}`}
                onChange={(e) => onChange({ columns: e.target.checked ? CHAIN_COLUMNS.filter((c) => c === id || view.columns.includes(c)) : view.columns.filter((c) => c !== id) })}
              />
              <span title={COLUMN_INFO[id].title}>{COLUMN_INFO[id].label}</span>
            </label>
          ))}
        </div>
      </details>
    </div>
  );
});
