import type { ReactElement } from 'react';
import { EXIT_UNITS, type ExitDraft, type ExitUnit } from './ticket-draft';

export interface ExitFieldProps {
  readonly leg: 'takeProfit' | 'stopLoss';
  readonly draft: ExitDraft;
  /** The exit's price if the entry filled at the preview's price; null when off or unknown. */
  readonly resolved: string | null;
  readonly onChange: (patch: Partial<ExitDraft>) => void;
}

const isUnit = (v: string): v is ExitUnit => EXIT_UNITS.some((u) => u.unit === v);

/** A take-profit or stop in the trader's units: off, $ per unit, ticks, percent or a price; with the price it resolves to. */
export function ExitField({ leg, draft, resolved, onChange }: ExitFieldProps): ReactElement {
  const name = leg === 'takeProfit' ? 'Take-profit' : 'Stop';
  const id = leg === 'takeProfit' ? 'tp' : 'sl';
  return (
    <span className="exit-field">
      <select
        className="input exit-unit"
        aria-label={`${name} unit`}
        value={draft.unit}
        data-testid={`ticket-${id}-unit`}
        onChange={(e) => {
          if (isUnit(e.target.value)) onChange({ unit: e.target.value });
        }}
      >
        {EXIT_UNITS.map((u) => (
          <option key={u.unit} value={u.unit}>
            {u.label}
          </option>
        ))}
      </select>
      <input
        className="input num exit-value"
        aria-label={`${name} value`}
        inputMode="decimal"
        value={draft.value}
        disabled={draft.unit === 'off'}
        placeholder={draft.unit === 'off' ? 'none' : '0'}
        data-testid={`ticket-${id}-value`}
        onChange={(e) => onChange({ value: e.target.value })}
      />
      <span className="exit-resolved num muted" data-testid={`ticket-${id}-price`} title={`${name} price if the entry fills at the preview's price`}>
        {resolved === null ? '' : `→ ${resolved}`}
      </span>
    </span>
  );
}
