import type { GymActResult, GymState, GymWallet } from '../../../shared/contract';
import { barAt, type BarColumns } from '../../../shared/domain/bar-columns';
import type { EpochMs } from '../../../shared/domain/epoch';
import { affordableUnits, CostModel, FRACTION_STEPS_PER_UNIT } from '../backtest';

export interface GymSessionConfig {
  readonly cash: number;
  /** Commission rate of each fill's notional. */
  readonly fees: number;
  readonly fractional: boolean;
}

/** An indicator series computed over the session's bars (value at bar i depends on bars <= i only). */
export interface GymIndicatorSeries {
  readonly name: string;
  readonly values: Float64Array;
}

/** Units of a sale: all of them at 100%, else the fraction rounded down to a whole unit (or to 1e-8 when fractional). */
function unitsToSell(held: number, pct: number, fractional: boolean): number {
  if (pct >= 100) return held;
  const scale = fractional ? FRACTION_STEPS_PER_UNIT : 1;
  return Math.min(held, Math.floor(((held * pct) / 100) * scale) / scale);
}

/**
 * One step-by-step trading session for an agent, over bars already loaded.
 * The agent sees bar i (closed) and the indicators at i; its action fills at
 * bar i+1's open, and then bar i+1 is revealed. Long-only: BUY spends a
 * percentage of equity (never more than the cash), SELL sells a percentage of
 * the units held. Fees are a rate of each fill's notional. Pure: no clock, no
 * I/O, so the same actions on the same bars give the same wallet.
 */
export class GymSession {
  private step = 0;
  private cash: number;
  private units = 0;
  private cost = 0;
  /** Buy fees of the units held, charged to realised P&L pro rata as they are sold. */
  private openFees = 0;
  private feesPaid = 0;
  private realized = 0;
  private readonly costs: CostModel;

  constructor(
    readonly id: string,
    private readonly bars: BarColumns,
    private readonly indicators: readonly GymIndicatorSeries[],
    private readonly config: GymSessionConfig,
  ) {
    if (bars.length < 2) throw new RangeError('a gym session needs at least two bars');
    this.cash = config.cash;
    // The backtest engine's cost arithmetic: what sizing calls affordable is exactly what is booked.
    this.costs = new CostModel(config.fees, 0, 0, 0);
  }

  /** Numbers this session holds: its bars' eight columns and every indicator series. */
  get values(): number {
    return this.bars.length * (8 + this.indicators.length);
  }

  get done(): boolean {
    return this.step >= this.bars.length - 1;
  }

  state(): GymState {
    const indicators: Record<string, number | null> = {};
    for (const s of this.indicators) {
      const v = s.values[this.step] ?? Number.NaN;
      indicators[s.name] = Number.isFinite(v) ? v : null;
    }
    return { id: this.id, step: this.step, steps: this.bars.length, bar: barAt(this.bars, this.step), indicators, wallet: this.wallet(), done: this.done };
  }

  /** Applies the action at the next bar's open and reveals that bar. Throws RangeError when the session is done. */
  act(action: 'BUY' | 'SELL' | 'HOLD', sizePct: number): GymActResult {
    if (this.done) throw new RangeError('the session is done: its last bar is revealed');
    const next = this.step + 1;
    const price = this.bars.open[next] ?? Number.NaN;
    const time = (this.bars.time[next] ?? 0) as EpochMs;
    let fill: GymActResult['fill'] = null;
    if (action === 'BUY') {
      const budget = Math.min(this.cash, (this.equityAt(this.step) * sizePct) / 100);
      const units = affordableUnits(budget, price, this.costs, this.config.fractional);
      if (units > 0) {
        const fee = this.costs.commission(units * price);
        this.cash -= units * price + fee;
        this.units += units;
        this.cost += units * price;
        this.openFees += fee;
        this.feesPaid += fee;
        fill = { side: 'buy', time, price, units, fee };
      }
    } else if (action === 'SELL' && this.units > 0) {
      const units = unitsToSell(this.units, sizePct, this.config.fractional);
      if (units > 0) {
        const fee = this.costs.commission(units * price);
        const avg = this.cost / this.units;
        const buyFees = (this.openFees * units) / this.units;
        this.cash += units * price - fee;
        this.realized += (price - avg) * units - fee - buyFees;
        this.cost -= avg * units;
        this.openFees -= buyFees;
        this.units -= units;
        if (this.units <= 0.5 / FRACTION_STEPS_PER_UNIT) {
          this.units = 0;
          this.cost = 0;
          this.openFees = 0;
        }
        this.feesPaid += fee;
        fill = { side: 'sell', time, price, units, fee };
      }
    }
    this.step = next;
    return { wallet: this.wallet(), fill, done: this.done };
  }

  private equityAt(i: number): number {
    return this.cash + this.units * (this.bars.close[i] ?? 0);
  }

  private wallet(): GymWallet {
    return {
      cash: this.cash,
      position: this.units,
      avgPrice: this.units > 0 ? this.cost / this.units : null,
      equity: this.equityAt(this.step),
      feesPaid: this.feesPaid,
      realizedPnl: this.realized,
    };
  }
}
