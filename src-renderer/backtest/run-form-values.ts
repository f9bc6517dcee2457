import type { BacktestRequest, StrategyInfo } from '../../shared/contract';
import type { Interval } from '../../shared/domain/interval';
import { formatUtcDateTimeLocal } from '../format/utc-datetime-local';

/** The cost inputs as typed; the commission is in percent of notional (the contract takes a rate). */
export interface CostValues {
  readonly cash: string;
  readonly commissionPct: string;
  readonly commissionFixed: string;
  readonly slippageBps: string;
  readonly spread: string;
  /** Short positions: allowed, not allowed, or null for the strategy's own default. */
  readonly allowShort: boolean | null;
  readonly fractional: boolean;
}

/** The Backtest form as typed. `null` source, symbol or interval follow the chart. */
export interface RunFormValues {
  readonly source: string | null;
  readonly symbol: string | null;
  readonly interval: Interval | null;
  /** Typed as "YYYY-MM-DD HH:MM", read as UTC (24-hour). */
  readonly from: string;
  readonly to: string;
  /** A strategy id; "" until the strategies are known. */
  readonly strategy: string;
  /** Parameter inputs by name: text for numbers, choices and names, a flag for booleans. */
  readonly params: Readonly<Record<string, string | boolean>>;
  readonly costs: CostValues;
  readonly label: string;
}

export type ParamSpecInfo = StrategyInfo['params'][number];

/** The commission presets offered next to the input (percent of notional). */
export const COMMISSION_PRESETS = [
  { label: '0%', pct: '0' },
  { label: '0.1%', pct: '0.1' },
] as const;

/** The contract's default costs (backtestCostsSchema), as typed values; shorts as the strategy says. */
export const DEFAULT_COSTS: CostValues = {
  cash: '10000',
  commissionPct: '0',
  commissionFixed: '0',
  slippageBps: '0',
  spread: '0',
  allowShort: null,
  fractional: false,
};

/** Used when neither the form nor the chart names an interval. */
export const FALLBACK_INTERVAL: Interval = '1h';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

/** A fresh form: the chart's series, the last 30 days to the current minute, no strategy yet, default costs. */
export function defaultRunForm(nowMs: number): RunFormValues {
  const to = Math.floor(nowMs / 60_000) * 60_000;
  return {
    source: null,
    symbol: null,
    interval: null,
    from: formatUtcDateTimeLocal(to - DEFAULT_DAYS * DAY_MS),
    to: formatUtcDateTimeLocal(to),
    strategy: '',
    params: {},
    costs: DEFAULT_COSTS,
    label: '',
  };
}

/** Each parameter's default as the form shows it. */
export function paramDefaults(specs: readonly ParamSpecInfo[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const spec of specs) out[spec.name] = typeof spec.default === 'boolean' ? spec.default : String(spec.default);
  return out;
}

/** Switches to `strategy` with its default parameters. */
export function withStrategy(values: RunFormValues, strategy: StrategyInfo): RunFormValues {
  return { ...values, strategy: strategy.id, params: paramDefaults(strategy.params) };
}

/** Picks the first strategy when none is chosen yet (or the chosen one is no longer offered). */
export function ensureStrategy(values: RunFormValues, strategies: readonly StrategyInfo[]): RunFormValues {
  if (strategies.some((s) => s.id === values.strategy)) return values;
  const first = strategies[0];
  return first === undefined ? values : withStrategy(values, first);
}

/** A commission rate as the percent typed in the form: 0.001 → "0.1" (float noise rounded away). */
export function ratePct(rate: number): string {
  return String(Number((rate * 100).toPrecision(12)));
}

/** A saved run's request back as form values, to run it again with changes. */
export function formFromRequest(request: BacktestRequest, strategy: StrategyInfo | undefined): RunFormValues {
  const params: Record<string, string | boolean> = strategy === undefined ? {} : paramDefaults(strategy.params);
  for (const [name, value] of Object.entries(request.params)) params[name] = typeof value === 'boolean' ? value : String(value);
  const c = request.costs;
  return {
    source: request.source,
    symbol: request.symbol,
    interval: request.interval,
    from: formatUtcDateTimeLocal(request.from),
    to: formatUtcDateTimeLocal(request.to),
    strategy: request.strategy,
    params,
    costs: {
      cash: String(c.cash),
      commissionPct: ratePct(c.commissionRate),
      commissionFixed: String(c.commissionFixed),
      slippageBps: String(c.slippageBps),
      spread: String(c.spread),
      allowShort: c.allowShort ?? null,
      fractional: c.fractional,
    },
    label: request.label ?? '',
  };
}
