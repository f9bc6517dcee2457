import type { ReactElement, ReactNode } from 'react';
import { INTERVALS, type Interval } from '../../shared/domain/interval';
import { UtcTimeInput } from '../app/utc-time-input';
import { FormField } from './form-field';
import type { FieldErrors } from './run-form-check';
import type { RunFormValues } from './run-form-values';

export interface DataFieldsProps {
  readonly values: RunFormValues;
  /** What the chart shows, used while a field is left to follow it. */
  readonly shown: { readonly source: string; readonly symbol: string; readonly interval: Interval };
  /** Sources to suggest (the feeds, and `csv` for imports). */
  readonly sources: readonly string[];
  readonly errors: FieldErrors;
  readonly onEdit: (patch: Partial<Pick<RunFormValues, 'source' | 'symbol' | 'interval' | 'from' | 'to'>>) => void;
  /** A last row under the range (the label and the Run button). */
  readonly children?: ReactNode;
}

const INTERVAL_SET: ReadonlySet<string> = new Set(INTERVALS);
const isInterval = (value: string): value is Interval => INTERVAL_SET.has(value);

/** Which stored series to test on: source, symbol, interval and a UTC range. */
export function DataFields({ values, shown, sources, errors, onEdit, children }: DataFieldsProps): ReactElement {
  return (
    <fieldset className="backtest-group" data-testid="backtest-data">
      <legend className="backtest-legend">Data</legend>
      <div className="backtest-row">
        <FormField label="Source" error={errors['source']}>
          <input
            className="input backtest-source"
            list="backtest-sources"
            value={values.source ?? shown.source}
            onChange={(e) => {
              onEdit({ source: e.target.value });
            }}
            spellCheck={false}
            data-testid="backtest-source"
          />
          <datalist id="backtest-sources">
            {sources.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </FormField>
        <FormField label="Symbol" error={errors['symbol']}>
          <input
            className="input backtest-symbol"
            value={values.symbol ?? shown.symbol}
            onChange={(e) => {
              onEdit({ symbol: e.target.value });
            }}
            spellCheck={false}
            data-testid="backtest-symbol"
          />
        </FormField>
        <FormField label="Interval" error={errors['interval']}>
          <select
            className="input"
            value={values.interval ?? shown.interval}
            onChange={(e) => {
              if (isInterval(e.target.value)) onEdit({ interval: e.target.value });
            }}
            data-testid="backtest-interval"
          >
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="backtest-row">
        <FormField label="From (UTC)" error={errors['from']}>
          <UtcTimeInput
            className="backtest-time"
            value={values.from}
            onChange={(from) => {
              onEdit({ from });
            }}
            testId="backtest-from"
          />
        </FormField>
        <FormField label="To (UTC)" error={errors['to']}>
          <UtcTimeInput
            className="backtest-time"
            value={values.to}
            onChange={(to) => {
              onEdit({ to });
            }}
            testId="backtest-to"
          />
        </FormField>
      </div>
      {children !== undefined && <div className="backtest-row">{children}</div>}
    </fieldset>
  );
}
