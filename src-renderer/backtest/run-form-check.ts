import { backtestRequestSchema, type BacktestRequest, type StrategyInfo } from '../../shared/contract';
import type { Interval } from '../../shared/domain/interval';
import { resolveParamSet } from '../../shared/strategy/params';
import { parseUtcDateTimeLocal } from '../format/utc-datetime-local';
import { FALLBACK_INTERVAL, type CostValues, type ParamSpecInfo, type RunFormValues } from './run-form-values';

/**
 * Messages by form field. Keys follow the request: `source`, `from`,
 * `costs.cash`, `params.fast`; "" for a problem no single field owns.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export type FormCheck = { readonly ok: true; readonly request: BacktestRequest } | { readonly ok: false; readonly errors: FieldErrors };

/** What the chart shows; the form's empty source, symbol and interval follow it. */
export interface ChartDefaults {
  readonly source: string | null;
  readonly symbol: string | null;
  readonly interval: Interval | null;
}

type Parsed = { readonly value: number } | { readonly error: string };

/** A typed number: "" and anything not a finite number are refused. */
export function parseNumberInput(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'enter a number' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { value } : { error: `"${trimmed}" is not a number` };
}

/** Commission in percent of notional: the contract allows a rate of 0 to 0.1. */
const MAX_COMMISSION_PCT = 10;

function readCosts(costs: CostValues, errors: Record<string, string>): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = { fractional: costs.fractional };
  if (costs.allowShort !== null) out['allowShort'] = costs.allowShort;
  const numbers = [
    ['cash', costs.cash],
    ['commissionFixed', costs.commissionFixed],
    ['slippageBps', costs.slippageBps],
    ['spread', costs.spread],
  ] as const;
  for (const [key, text] of numbers) {
    const parsed = parseNumberInput(text);
    if ('error' in parsed) errors[`costs.${key}`] = parsed.error;
    else out[key] = parsed.value;
  }
  const pct = parseNumberInput(costs.commissionPct);
  if ('error' in pct) errors['costs.commissionRate'] = pct.error;
  else if (pct.value < 0 || pct.value > MAX_COMMISSION_PCT) errors['costs.commissionRate'] = `commission must be between 0% and ${String(MAX_COMMISSION_PCT)}%`;
  else out['commissionRate'] = pct.value / 100;
  return out;
}

type ParamRead = Parsed | { readonly flag: boolean } | { readonly text: string };

/** One parameter's value, checked with the same rules (and messages) as the core's parameter checker. */
function readParam(spec: ParamSpecInfo, input: string | boolean | undefined): ParamRead {
  let value: number | boolean | string;
  if (spec.type === 'boolean') {
    value = typeof input === 'boolean' ? input : Boolean(spec.default);
  } else if (spec.type === 'choice' || spec.type === 'string') {
    value = typeof input === 'string' ? input.trim() : String(spec.default);
  } else {
    const parsed = parseNumberInput(typeof input === 'string' ? input : String(spec.default));
    if ('error' in parsed) return parsed;
    value = parsed.value;
  }
  const checked = resolveParamSet([spec], { [spec.name]: value });
  if (!checked.ok) return { error: checked.message };
  return typeof value === 'boolean' ? { flag: value } : typeof value === 'string' ? { text: value } : { value };
}

function readParams(strategy: StrategyInfo | undefined, values: RunFormValues, errors: Record<string, string>): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const spec of strategy?.params ?? []) {
    const read = readParam(spec, values.params[spec.name]);
    if ('error' in read) errors[`params.${spec.name}`] = read.error;
    else out[spec.name] = 'flag' in read ? read.flag : 'text' in read ? read.text : read.value;
  }
  return out;
}

/** The field a zod issue path names (`['costs', 'cash']` → "costs.cash"). */
function fieldOfIssue(path: readonly PropertyKey[]): string {
  const [head, next] = path;
  if (head === undefined) return '';
  if ((head === 'costs' || head === 'params') && next !== undefined) return `${head}.${String(next)}`;
  return String(head);
}

/**
 * Reads the form into a `backtest.run` request, checked here for immediate
 * feedback with the contract's own schema and the parameter specs; the core
 * checks again and has the last word.
 */
export function checkRunForm(values: RunFormValues, chart: ChartDefaults, strategies: readonly StrategyInfo[]): FormCheck {
  const errors: Record<string, string> = {};
  const strategy = strategies.find((s) => s.id === values.strategy);
  if (values.strategy === '') errors['strategy'] = 'choose a strategy';
  else if (strategy === undefined) errors['strategy'] = `unknown strategy "${values.strategy}"`;

  const from = parseUtcDateTimeLocal(values.from);
  const to = parseUtcDateTimeLocal(values.to);
  if (from === null) errors['from'] = 'enter a date and time: YYYY-MM-DD HH:MM (UTC, 24-hour)';
  if (to === null) errors['to'] = 'enter a date and time: YYYY-MM-DD HH:MM (UTC, 24-hour)';

  const label = values.label.trim();
  const input = {
    source: (values.source ?? chart.source ?? '').trim(),
    symbol: values.symbol ?? chart.symbol ?? '',
    interval: values.interval ?? chart.interval ?? FALLBACK_INTERVAL,
    from: from ?? 0,
    to: to ?? 1,
    strategy: values.strategy,
    params: readParams(strategy, values, errors),
    costs: readCosts(values.costs, errors),
    ...(label === '' ? {} : { label }),
  };

  const parsed = backtestRequestSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      errors[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}
