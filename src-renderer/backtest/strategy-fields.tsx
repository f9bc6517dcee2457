import type { ReactElement } from 'react';
import type { StrategyInfo } from '../../shared/contract';
import type { MarkerSchedule } from '../../shared/strategy/marker-schedule';
import { scheduleChoices } from '../marker-schedules/schedule-choices';
import { CheckField, FormField } from './form-field';
import type { FieldErrors } from './run-form-check';
import type { ParamSpecInfo } from './run-form-values';

export interface StrategyFieldsProps {
  /** Null while `strategies.list` has not answered. */
  readonly strategies: readonly StrategyInfo[] | null;
  readonly strategyId: string;
  readonly params: Readonly<Record<string, string | boolean>>;
  readonly errors: FieldErrors;
  readonly onStrategy: (strategy: StrategyInfo) => void;
  readonly onParam: (name: string, value: string | boolean) => void;
  /** The user's marker schedules: a text parameter called `schedule` picks one of them, a built-in one or auto. */
  readonly markerSchedules?: readonly MarkerSchedule[];
}

/** The text parameter that names a marker schedule (time-window's). */
const SCHEDULE_PARAM = 'schedule';

function ParamField({ spec, value, error, onParam, markerSchedules }: {
  readonly spec: ParamSpecInfo;
  readonly value: string | boolean | undefined;
  readonly error: string | undefined;
  readonly onParam: (name: string, value: string | boolean) => void;
  readonly markerSchedules: readonly MarkerSchedule[];
}): ReactElement {
  if (spec.type === 'string' && spec.name === SCHEDULE_PARAM) {
    const current = typeof value === 'string' ? value : String(spec.default);
    return (
      <FormField label={spec.name} title={spec.description} error={error}>
        <select
          className="input"
          value={current}
          onChange={(e) => {
            onParam(spec.name, e.target.value);
          }}
          data-testid={`backtest-param-${spec.name}`}
        >
          {scheduleChoices(markerSchedules, current).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </FormField>
    );
  }
  if (spec.type === 'choice') {
    return (
      <FormField label={spec.name} title={spec.description} error={error}>
        <select
          className="input"
          value={typeof value === 'string' ? value : String(spec.default)}
          onChange={(e) => {
            onParam(spec.name, e.target.value);
          }}
          data-testid={`backtest-param-${spec.name}`}
        >
          {(spec.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </FormField>
    );
  }
  if (spec.type === 'string') {
    return (
      <FormField label={spec.name} title={spec.description} error={error}>
        <input
          className="input backtest-text-param"
          type="text"
          maxLength={64}
          value={typeof value === 'string' ? value : String(spec.default)}
          onChange={(e) => {
            onParam(spec.name, e.target.value);
          }}
          data-testid={`backtest-param-${spec.name}`}
        />
      </FormField>
    );
  }
  if (spec.type === 'boolean') {
    return (
      <CheckField
        label={spec.name}
        title={spec.description}
        checked={typeof value === 'boolean' ? value : spec.default === true}
        onChange={(checked) => {
          onParam(spec.name, checked);
        }}
        error={error}
        testId={`backtest-param-${spec.name}`}
      />
    );
  }
  return (
    <FormField label={spec.name} title={spec.description} error={error}>
      <input
        className="input backtest-number"
        type="number"
        min={spec.min}
        max={spec.max}
        step={spec.step ?? (spec.type === 'int' ? 1 : 'any')}
        value={typeof value === 'string' ? value : String(spec.default)}
        onChange={(e) => {
          onParam(spec.name, e.target.value);
        }}
        data-testid={`backtest-param-${spec.name}`}
      />
    </FormField>
  );
}

/** The strategy and its parameters, generated from its parameter specs. */
export function StrategyFields({ strategies, strategyId, params, errors, onStrategy, onParam, markerSchedules = [] }: StrategyFieldsProps): ReactElement {
  const strategy = strategies?.find((s) => s.id === strategyId);
  return (
    <fieldset className="backtest-group backtest-strategy" data-testid="backtest-strategy-fields">
      <legend className="backtest-legend">Strategy</legend>
      <FormField label="Strategy" error={strategies === null ? undefined : errors['strategy']}>
        <select
          className="input"
          value={strategyId}
          disabled={strategies === null || strategies.length === 0}
          onChange={(e) => {
            const next = strategies?.find((s) => s.id === e.target.value);
            if (next !== undefined) onStrategy(next);
          }}
          data-testid="backtest-strategy"
        >
          {strategies === null && <option value={strategyId}>Loading…</option>}
          {strategies?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </FormField>
      {strategy !== undefined && <p className="backtest-description" title={strategy.description}>
          {strategy.description}
        </p>}
      {strategy !== undefined && strategy.params.length > 0 && (
        <div className="backtest-row backtest-params">
          {strategy.params.map((spec) => (
            <ParamField
              key={spec.name}
              spec={spec}
              value={params[spec.name]}
              error={errors[`params.${spec.name}`]}
              onParam={onParam}
              markerSchedules={markerSchedules}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
