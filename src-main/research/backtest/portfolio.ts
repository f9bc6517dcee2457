import type { BacktestTrade } from '../../../shared/contract/backtest-contract';
import type { EpochMs } from '../../../shared/domain/epoch';
import type { OpenPosition } from './backtest-result';
import type { CostModel } from './cost-model';
import { affordableUnits } from './position-sizing';

/** Exit reasons the engine writes itself (a strategy's exit carries its own reason). */
export const EXIT_REVERSAL = 'reversal';
export const EXIT_STOP_LOSS_REASON = 'stop-loss';
export const EXIT_TAKE_PROFIT_REASON = 'take-profit';
export const EXIT_END_OF_RUN = 'end of run';

/**
 * What an entry order carries besides its side and price: why (reason and
 * setup family), how much, and its protective exits, as prices or as
 * percents of the fill price (NaN: none).
 */
export interface EntryTerms {
  readonly reason: string;
  readonly setup: string;
  readonly sizeFraction: number;
  readonly stopLoss: number;
  readonly takeProfit: number;
  readonly stopLossPct: number;
  readonly takeProfitPct: number;
}

/** An exit level: `price` when given, else `pct` percent of `fill` away on the side `away` (-1 below, +1 above); NaN for none. */
export function exitLevel(price: number, pct: number, fill: number, away: number): number {
  return Number.isNaN(pct) ? price : fill * (1 + (away * pct) / 100);
}

/**
 * Cash, one net position and the trades closed so far. Prices handed in are
 * the bar's (before slippage); the cost model turns them into fill prices.
 *
 * Bookkeeping per fill of `units` at fill price `p` (notional = units * p,
 * commission = notional * rate + fixed):
 * - open long: cash -= notional + commission;  close long: cash += notional - commission;
 * - open short: cash += notional - commission; close short: cash -= notional + commission;
 * - equity at price q = cash + signedUnits * q (a short is marked to market).
 * A trade's pnl = sign * units * (exit - entry) - both legs' commissions, and
 * its returnPct = pnl / (units * entry) * 100 (backtesting.py's gross return
 * less commissions over the entry notional, the same number).
 *
 * Positions open only from flat (a reversal closes first), so the all-in
 * budget `sizeFraction * cash` is `sizeFraction * equity`, for longs and
 * shorts alike. A reversal is two fills at the same bar price: the close, then
 * the open, each paying its own commission (the fixed fee twice), so that each
 * trade carries its own costs.
 */
export class Portfolio {
  cash: number;
  /** Signed units: > 0 long, < 0 short. */
  units = 0;
  /** Every commission paid so far, both legs of every fill. */
  commissions = 0;
  /** Entries that fired but could not buy (or sell short) a single unit: the cash is too small for the price. */
  unaffordableEntries = 0;
  /** The open position's protective levels (NaN: none). */
  stopLoss = Number.NaN;
  takeProfit = Number.NaN;
  readonly trades: BacktestTrade[] = [];
  private entryPrice = Number.NaN;
  private entryTime = 0;
  private entryIndex = 0;
  private entryCommission = 0;
  private entryReason = '';
  private entrySetup = '';

  constructor(
    cash: number,
    private readonly costs: CostModel,
    private readonly fractional: boolean,
  ) {
    this.cash = cash;
  }

  equity(price: number): number {
    return this.cash + this.units * price;
  }

  /**
   * Moves the position to `target` (+1 long, -1 short, 0 flat) at bar price
   * `price`: closes what points the other way (exit reason `terms.reason` when
   * going flat, 'reversal' when the fill turns the position round), then
   * opens the target from flat. A position already at the target is left alone.
   */
  fillTo(target: number, price: number, index: number, time: number, terms: EntryTerms): void {
    const sign = Math.sign(this.units);
    if (sign === target) return;
    if (sign !== 0) this.close(price, index, time, target === 0 ? terms.reason : EXIT_REVERSAL);
    if (target !== 0) this.open(target, price, index, time, terms);
  }

  /** Replaces the open position's exits with those `terms` give (a percent is of the entry price). */
  setExits(terms: Pick<EntryTerms, 'stopLoss' | 'takeProfit' | 'stopLossPct' | 'takeProfitPct'>, stopGiven: boolean, targetGiven: boolean): void {
    const sign = Math.sign(this.units);
    if (sign === 0) return;
    if (stopGiven) this.stopLoss = exitLevel(terms.stopLoss, terms.stopLossPct, this.entryPrice, -sign);
    if (targetGiven) this.takeProfit = exitLevel(terms.takeProfit, terms.takeProfitPct, this.entryPrice, sign);
  }

  /** Opens a position of sign `sign` from flat, as large as `terms.sizeFraction` of equity affords; nothing when not one unit fits. */
  open(sign: number, price: number, index: number, time: number, terms: EntryTerms): void {
    const fill = this.costs.fillPrice(sign, price);
    const units = affordableUnits(terms.sizeFraction * this.cash, fill, this.costs, this.fractional);
    if (units <= 0) {
      this.unaffordableEntries++;
      return;
    }
    const notional = units * fill;
    const commission = this.costs.commission(notional);
    if (sign > 0) this.cash -= notional + commission;
    else this.cash += notional - commission;
    this.commissions += commission;
    this.units = sign * units;
    this.entryPrice = fill;
    this.entryTime = time;
    this.entryIndex = index;
    this.entryCommission = commission;
    this.entryReason = terms.reason;
    this.entrySetup = terms.setup;
    this.stopLoss = exitLevel(terms.stopLoss, terms.stopLossPct, fill, -sign);
    this.takeProfit = exitLevel(terms.takeProfit, terms.takeProfitPct, fill, sign);
  }

  /** Closes the whole position at bar price `price` and records the trade. */
  close(price: number, index: number, time: number, reason: string): void {
    const sign = Math.sign(this.units);
    if (sign === 0) return;
    const size = Math.abs(this.units);
    const fill = this.costs.fillPrice(-sign, price);
    const notional = size * fill;
    const commission = this.costs.commission(notional);
    if (sign > 0) this.cash += notional - commission;
    else this.cash -= notional + commission;
    this.commissions += commission;
    const both = this.entryCommission + commission;
    const pnl = sign * size * (fill - this.entryPrice) - both;
    this.trades.push({
      side: sign > 0 ? 'long' : 'short',
      size,
      entryTime: this.entryTime as EpochMs,
      entryPrice: this.entryPrice,
      exitTime: time as EpochMs,
      exitPrice: fill,
      pnl,
      returnPct: (pnl / (size * this.entryPrice)) * 100,
      barsHeld: index - this.entryIndex,
      commission: both,
      setup: this.entrySetup,
      entryReason: this.entryReason,
      exitReason: reason,
    });
    this.units = 0;
    this.stopLoss = Number.NaN;
    this.takeProfit = Number.NaN;
  }

  /** The position still open (closeAtEnd false), or null. */
  openPosition(): OpenPosition | null {
    if (this.units === 0) return null;
    return {
      side: this.units > 0 ? 'long' : 'short',
      size: Math.abs(this.units),
      entryTime: this.entryTime as EpochMs,
      entryPrice: this.entryPrice,
      commission: this.entryCommission,
      setup: this.entrySetup,
      entryReason: this.entryReason,
      stopLoss: Number.isNaN(this.stopLoss) ? null : this.stopLoss,
      takeProfit: Number.isNaN(this.takeProfit) ? null : this.takeProfit,
    };
  }
}
