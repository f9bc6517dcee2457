import { useEffect, useMemo, type ReactElement, type SubmitEvent } from 'react';
import { useStore } from 'zustand';
import type { StrategyInfo } from '../../shared/contract';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { useResolvedChart } from '../chart/use-resolved-pane';
import { CostFields } from './cost-fields';
import { DataFields } from './data-fields';
import { fieldOfPath } from './error-fields';
import { FormField } from './form-field';
import { checkRunForm, type FieldErrors } from './run-form-check';
import { FALLBACK_INTERVAL } from './run-form-values';
import { StrategyFields } from './strategy-fields';

const NO_STRATEGIES: readonly StrategyInfo[] = [];

/**
 * The run's setup: data, strategy with its parameters, costs and a label.
 * Problems found here show under their field as you type; a refusal from the
 * core shows under the field its path names (or above the form).
 */
export function RunForm(): ReactElement {
  const stores = useAppStores();
  const form = stores.backtestForm;
  const values = useStore(form, (s) => s.values);
  const strategies = useStore(stores.backtest, (s) => s.strategies);
  const runError = useStore(stores.backtest, (s) => s.runError);
  const starting = useStore(stores.backtest, (s) => s.progress?.status === 'starting');
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  const markerSchedules = useStore(stores.settings, (s) => s.settings?.markerSchedules);
  const chart = useResolvedChart();
  const { edit, editCost, editParam, chooseStrategy } = form.getState();
  const { dismissRunError } = stores.backtest.getState();

  useEffect(() => {
    if (strategies !== null) form.getState().ensureStrategy(strategies);
  }, [form, strategies]);

  const { source, symbol, interval } = chart;
  const check = useMemo(
    () => checkRunForm(values, { source, symbol, interval }, strategies ?? NO_STRATEGIES),
    [values, source, symbol, interval, strategies],
  );
  const paramNames = strategies?.find((s) => s.id === values.strategy)?.params.map((p) => p.name) ?? [];
  const serverField = runError === null ? null : fieldOfPath(runError.path, paramNames);
  const errors: FieldErrors = {
    ...(check.ok ? {} : check.errors),
    ...(runError !== null && serverField !== null ? { [serverField]: runError.message } : {}),
  };
  const sources = [...(feeds ?? []).map((f) => f.id), 'csv'];

  const clearRunError = (): void => {
    if (runError !== null) dismissRunError();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (check.ok) void stores.backtest.getState().run(check.request);
  };

  return (
    <form className="backtest-form" onSubmit={submit} data-testid="backtest-form">
      {(errors[''] !== undefined || (runError !== null && serverField === null)) && (
        <div className="backtest-form-notes">
          {errors[''] !== undefined && <span className="backtest-field-error">{errors['']}</span>}
          {runError !== null && serverField === null && <ErrorNote error={runError} onDismiss={dismissRunError} testId="backtest-run-error" />}
        </div>
      )}
      <DataFields
        values={values}
        shown={{ source: source ?? '', symbol: symbol ?? '', interval: interval ?? FALLBACK_INTERVAL }}
        sources={sources}
        errors={errors}
        onEdit={(patch) => {
          clearRunError();
          edit(patch);
        }}
      >
        <FormField label="Label (optional)" error={errors['label']}>
          <input
            className="input backtest-label"
            value={values.label}
            maxLength={200}
            placeholder="e.g. fast 10 / slow 30"
            onChange={(e) => {
              clearRunError();
              edit({ label: e.target.value });
            }}
            data-testid="backtest-label"
          />
        </FormField>
        <button type="submit" className="button button-primary backtest-run-button" disabled={!check.ok || starting} data-testid="backtest-run">
          {starting ? 'Starting…' : 'Run backtest'}
        </button>
      </DataFields>
      <StrategyFields
        strategies={strategies}
        strategyId={values.strategy}
        params={values.params}
        errors={errors}
        onStrategy={(next) => {
          clearRunError();
          chooseStrategy(next);
        }}
        onParam={(name, value) => {
          clearRunError();
          editParam(name, value);
        }}
        markerSchedules={markerSchedules}
      />
      <CostFields
        costs={values.costs}
        shortsByDefault={strategies?.find((s) => s.id === values.strategy)?.shortsByDefault ?? null}
        errors={errors}
        onCost={(key, value) => {
          clearRunError();
          editCost(key, value);
        }}
      />
    </form>
  );
}
