/**
 * Why a backtest did not run to the end, as data (never a throw): a bad
 * config, bad bars, or a strategy that threw or answered nonsense. `field`
 * names the input at fault (`commissionRate`, `bars.close`, `strategy`) so
 * the CLI can print `--field: message` and exit 2, and the contract can answer
 * with a path.
 */
export interface BacktestError {
  readonly kind: 'config' | 'data' | 'strategy';
  readonly field: string;
  readonly message: string;
  /** For data and strategy errors: the bar at fault (index and open time, UTC ms). */
  readonly barIndex?: number;
  readonly time?: number;
}
