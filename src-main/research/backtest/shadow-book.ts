import type { StrategyIntent } from '../../../shared/strategy/strategy';
import { EXIT_STOP_LOSS, fillAtOpen, fillInsideBar, LIMIT, MARKET, protectiveExit, STOP, type ExitCheck, type RestingKind } from './order-triggers';
import { EXIT_END_OF_RUN, EXIT_STOP_LOSS_REASON, EXIT_TAKE_PROFIT_REASON, exitLevel } from './portfolio';

/** Why a signal without position was closed when a later signal took its place. */
export const SHADOW_REPLACED = 'replaced by a later signal';

/**
 * One signal the model reported without a position (a down day in a
 * long-only mode), followed as a hypothetical one-unit position, no costs.
 */
export interface ShadowSignal {
  readonly setup: string;
  readonly side: 'long' | 'short';
  readonly reason: string;
  /** Open time of the bar whose close produced the signal. */
  readonly signalTime: number;
  /** Null when the order never filled (replaced, or the run ended first). */
  readonly entryTime: number | null;
  readonly entryPrice: number | null;
  readonly exitTime: number | null;
  readonly exitPrice: number | null;
  readonly exitReason: string | null;
  /** (exit / entry - 1) * 100: what the underlying did over the holding (negative: it fell); null without an entry. */
  readonly underlyingReturnPct: number | null;
}

type Row = { -readonly [K in keyof ShadowSignal]: ShadowSignal[K] };

interface Pending {
  readonly row: Row;
  readonly sign: number;
  readonly kind: RestingKind;
  readonly level: number;
  readonly intent: StrategyIntent;
}

interface Held {
  readonly row: Row;
  readonly sign: number;
  readonly stop: number;
  readonly target: number;
  /** The first bar whose range may exit it (an intrabar or at-close entry waits for the next bar). */
  readonly checkFrom: number;
}

/**
 * The signals without position of one run, each followed as a real trade
 * would be (backtest-engine.ts, the same order of events on every bar):
 * - entry at the next bar's open (`market`), at the signal bar's close
 *   (`close`), or when a limit/stop price is reached, at the bar's price
 *   itself (no slippage, no commission);
 * - exits by the intent's stop / target (prices, or percents of the entry
 *   price): a gap through one exits at the open, else the stop before the
 *   target inside one bar;
 * - or by the strategy's next intent: a flat one or a real entry closes it
 *   (at that bar's close for a `close` entry, else at the next open); another
 *   observed entry closes it where the new one enters; and at the end of the
 *   run, at the last close.
 * A newer intent also cancels an unfilled one, as for real orders.
 */
export class ShadowBook {
  readonly signals: Row[] = [];
  private pending: Pending | null = null;
  private held: Held | null = null;
  /** A flat (or replacing) intent waiting for the next open. */
  private exitAtOpen: string | null = null;
  private readonly exit: ExitCheck = { kind: 0, price: Number.NaN };

  /** 1. The bar's open: a waiting exit, then a resting market order (or a limit/stop the open gaps through). */
  atOpen(i: number, t: number, open: number): void {
    if (this.exitAtOpen !== null) {
      if (this.held !== null) this.close(this.held, open, t, this.exitAtOpen);
      this.exitAtOpen = null;
    }
    const p = this.pending;
    if (p === null) return;
    const price = fillAtOpen(p.kind, p.sign, p.level, open);
    if (!Number.isNaN(price)) this.enter(p, price, t, i);
  }

  /** 2. Stop / target of the position held, against the bar. */
  protectiveExits(i: number, t: number, open: number, high: number, low: number): void {
    const h = this.held;
    if (h === null || i < h.checkFrom) return;
    if (protectiveExit(h.sign, h.stop, h.target, open, high, low, this.exit)) {
      this.close(h, this.exit.price, t, this.exit.kind === EXIT_STOP_LOSS ? EXIT_STOP_LOSS_REASON : EXIT_TAKE_PROFIT_REASON);
    }
  }

  /** 3. A resting limit/stop inside the bar's range. */
  insideBar(i: number, t: number, high: number, low: number): void {
    const p = this.pending;
    if (p === null) return;
    const price = fillInsideBar(p.kind, p.sign, p.level, high, low);
    if (!Number.isNaN(price)) this.enter(p, price, t, i + 1);
  }

  /** 4. The strategy's intent at the bar's close; `observed` when it is a signal without position. */
  onIntent(intent: StrategyIntent, observed: boolean, i: number, t: number, close: number): void {
    const atClose = intent.entry?.type === 'close';
    this.pending = null;
    if (observed && intent.target !== 'flat') {
      const sign = intent.target === 'long' ? 1 : -1;
      const row: Row = {
        setup: intent.setup,
        side: intent.target,
        reason: intent.reason,
        signalTime: t,
        entryTime: null,
        entryPrice: null,
        exitTime: null,
        exitPrice: null,
        exitReason: null,
        underlyingReturnPct: null,
      };
      this.signals.push(row);
      const entry = intent.entry ?? { type: 'market' };
      const kind = entry.type === 'limit' ? LIMIT : entry.type === 'stop' ? STOP : MARKET;
      const pending: Pending = { row, sign, kind, level: entry.type === 'limit' || entry.type === 'stop' ? entry.price : Number.NaN, intent };
      if (atClose) this.enter(pending, close, t, i + 1);
      else this.pending = pending;
      return;
    }
    if (this.held === null) return;
    const reason = intent.target === 'flat' ? intent.reason : SHADOW_REPLACED;
    if (atClose) this.close(this.held, close, t, reason);
    else this.exitAtOpen = reason;
  }

  /** 5. The run's last bar: what is held closes at its close; an unfilled order is dropped. */
  end(t: number, close: number): void {
    if (this.held !== null) this.close(this.held, close, t, EXIT_END_OF_RUN);
    this.pending = null;
    this.exitAtOpen = null;
  }

  private enter(p: Pending, price: number, t: number, checkFrom: number): void {
    if (this.held !== null) this.close(this.held, price, t, SHADOW_REPLACED);
    this.pending = null;
    p.row.entryTime = t;
    p.row.entryPrice = price;
    const i = p.intent;
    const stop = exitLevel(i.stopLoss ?? Number.NaN, i.stopLossPct ?? Number.NaN, price, -p.sign);
    const target = exitLevel(i.takeProfit ?? Number.NaN, i.takeProfitPct ?? Number.NaN, price, p.sign);
    this.held = { row: p.row, sign: p.sign, stop, target, checkFrom };
  }

  private close(h: Held, price: number, t: number, reason: string): void {
    const entry = h.row.entryPrice ?? Number.NaN;
    h.row.exitTime = t;
    h.row.exitPrice = price;
    h.row.exitReason = reason;
    h.row.underlyingReturnPct = (price / entry - 1) * 100;
    this.held = null;
  }
}
