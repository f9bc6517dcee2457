import type { ReactElement } from 'react';
import { CheckField, FormField } from './form-field';
import type { FieldErrors } from './run-form-check';
import { COMMISSION_PRESETS, type CostValues } from './run-form-values';

export interface CostFieldsProps {
  readonly costs: CostValues;
  /** Whether the chosen strategy trades shorts when the run does not say (null: not known yet). */
  readonly shortsByDefault: boolean | null;
  readonly errors: FieldErrors;
  readonly onCost: <K extends keyof CostValues>(key: K, value: CostValues[K]) => void;
}

type NumberCost = 'cash' | 'commissionFixed' | 'slippageBps' | 'spread';

const NUMBER_FIELDS: readonly { readonly key: NumberCost; readonly label: string; readonly title: string; readonly step: string }[] = [
  { key: 'cash', label: 'Cash', title: 'Starting cash', step: '100' },
  { key: 'commissionFixed', label: 'Fixed fee', title: 'A fixed fee per fill, in cash', step: 'any' },
  { key: 'slippageBps', label: 'Slippage (bps)', title: 'Fills move against you by this many basis points', step: 'any' },
  { key: 'spread', label: 'Spread', title: 'Bid/ask spread, in price units', step: 'any' },
];

type ShortsChoice = 'default' | 'yes' | 'no';

function shortsChoice(allowShort: boolean | null): ShortsChoice {
  return allowShort === null ? 'default' : allowShort ? 'yes' : 'no';
}

/** Cash, commission (with presets), fees, slippage and the position rules. */
export function CostFields({ costs, shortsByDefault, errors, onCost }: CostFieldsProps): ReactElement {
  const [cash, ...others] = NUMBER_FIELDS;
  const numberField = (field: (typeof NUMBER_FIELDS)[number]): ReactElement => (
    <FormField key={field.key} label={field.label} title={field.title} error={errors[`costs.${field.key}`]}>
      <input
        className="input backtest-number"
        type="number"
        min={0}
        step={field.step}
        value={costs[field.key]}
        onChange={(e) => {
          onCost(field.key, e.target.value);
        }}
        data-testid={`backtest-cost-${field.key}`}
      />
    </FormField>
  );
  return (
    <fieldset className="backtest-group" data-testid="backtest-costs">
      <legend className="backtest-legend">Costs</legend>
      <div className="backtest-row">
        {cash !== undefined && numberField(cash)}
        <FormField label="Commission (%)" title="Percent of each fill's notional" error={errors['costs.commissionRate']}>
          <span className="backtest-with-presets">
            <input
              className="input backtest-number"
              type="number"
              min={0}
              max={10}
              step="any"
              value={costs.commissionPct}
              onChange={(e) => {
                onCost('commissionPct', e.target.value);
              }}
              data-testid="backtest-cost-commission"
            />
            {COMMISSION_PRESETS.map((preset) => (
              <button
                key={preset.pct}
                type="button"
                className={costs.commissionPct.trim() === preset.pct ? 'button backtest-small is-active' : 'button backtest-small'}
                onClick={() => {
                  onCost('commissionPct', preset.pct);
                }}
                data-testid={`backtest-commission-${preset.pct}`}
              >
                {preset.label}
              </button>
            ))}
          </span>
        </FormField>
      </div>
      <div className="backtest-row">{others.map(numberField)}</div>
      <div className="backtest-row">
        <FormField label="Shorts" title="Off: a short signal is counted as a signal without position" error={errors['costs.allowShort']}>
          <select
            className="input"
            value={shortsChoice(costs.allowShort)}
            onChange={(e) => {
              const v = e.target.value;
              onCost('allowShort', v === 'yes' ? true : v === 'no' ? false : null);
            }}
            data-testid="backtest-allow-short"
          >
            <option value="default">
              {shortsByDefault === null ? 'Strategy default' : `Strategy default (${shortsByDefault ? 'long & short' : 'long only'})`}
            </option>
            <option value="yes">Long &amp; short</option>
            <option value="no">Long only</option>
          </select>
        </FormField>
        <CheckField
          label="Fractional units"
          title="Off: whole units only (equities); on: fractional quantities (crypto)"
          checked={costs.fractional}
          onChange={(v) => {
            onCost('fractional', v);
          }}
          error={errors['costs.fractional']}
          testId="backtest-fractional"
        />
      </div>
    </fieldset>
  );
}
