import { MINUTE_MS } from '../../domain/interval';
import { sessionAt, type Session } from '../../market/sessions';
import { boolParam, intParam, numberParam, readBoolean, readNumber, resolveOrThrow, resolveParamSet } from '../params';
import type { ChartLevel, ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyParams, StrategySetup } from '../strategy';

/**
 * 5-minute opening range breakout on US equities.
 *
 * - Range: high, low and volume of the session's first 5m bar, the bar whose
 *   open time is the 09:30 New York open (DST and the NYSE calendar come from
 *   `usEquitySession`). No such bar (a gap in the data) → no trade that day.
 * - Wait: bars whose open time is before `open + 5 min + waitMinutes` only
 *   watch the range. With the default 10 the 09:35 and 09:40 bars wait and the
 *   09:45 bar is the first that may signal.
 * - Signal: an eligible bar closing strictly above the range high (below the
 *   range low) with volume >= volumeFactor × the range bar's volume, while
 *   flat → long (short, only when `ctx.allowShort`; otherwise a downside
 *   breakout is ignored and does not use up the day's trade). Entry is market
 *   (the next bar's open).
 * - Stop: the range midpoint, or the opposite side with `stopAtOpposite`.
 * - Target: from the broken side, targetMultiple × range size
 *   (long: high + m × (high − low); short: low − m × (high − low)).
 * - One trade per day: after one entry signal nothing more that day.
 * - Flat by session end: on the session's last bar (open + 5 min >= close,
 *   13:00 on early-close days) a held position gets
 *   `{ target: 'flat', entry: close, reason: 'session end' }`, and the last
 *   bar never opens a trade. If that bar is missing and a position is still
 *   held on a later session's first bar, it is closed at market then.
 * - A zero-size range (high == low) never trades, nor does a short whose
 *   target would be at or below zero (prices must stay positive). Bars outside the regular
 *   session and bars not later than the previous one are ignored.
 */

const BAR_MS = 5 * MINUTE_MS;

const PARAMS: readonly ParamSpec[] = [
  intParam('waitMinutes', 'Minutes after the first 5m bar closes during which breakouts are only watched (a bar may signal once its open time >= 09:35 + wait)', 10, 0, 180, 5),
  numberParam('volumeFactor', "A breakout bar's volume must be at least this multiple of the first bar's volume", 1.2, 0, 10, 0.1),
  boolParam('stopAtOpposite', 'Stop at the opposite side of the range instead of its midpoint', false),
  numberParam('targetMultiple', 'Target distance from the broken side, in range sizes', 2, 0.25, 10, 0.25),
];

interface OrbParams {
  readonly waitMinutes: number;
  readonly volumeFactor: number;
  readonly stopAtOpposite: boolean;
  readonly targetMultiple: number;
}

interface Trade {
  readonly side: 'long' | 'short';
  /** Open time of the entry bar (the bar after the signal). */
  readonly from: number;
  readonly stop: number;
  readonly target: number;
}

interface Day {
  readonly session: Session;
  readonly range: { readonly high: number; readonly low: number; readonly volume: number } | null;
  trade: Trade | null;
}

class OpeningRangeBreakout implements Strategy {
  private readonly days: Day[] = [];
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(private readonly p: OrbParams) {}

  onBar(bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    if (!(bar.time > this.lastTime)) return null;
    this.lastTime = bar.time;
    const session = sessionAt('us-equity', bar.time);
    if (session === null) return null;

    let day = this.days.at(-1);
    if (day === undefined || day.session.date !== session.date) {
      const range = bar.time === session.open ? { high: bar.high, low: bar.low, volume: bar.volume } : null;
      day = { session, range, trade: null };
      this.days.push(day);
      if (ctx.position !== 0) return { target: 'flat', reason: 'session end (closing bar missing)', entry: { type: 'market' } };
      return null;
    }

    if (bar.time + BAR_MS >= session.close) {
      return ctx.position !== 0 ? { target: 'flat', entry: { type: 'close' }, reason: 'session end' } : null;
    }
    return this.breakout(day, bar, ctx);
  }

  private breakout(day: Day, bar: StrategyBar, ctx: StrategyContext): StrategyIntent | null {
    const range = day.range;
    if (range === null || day.trade !== null || ctx.position !== 0) return null;
    if (bar.time < day.session.open + BAR_MS + this.p.waitMinutes * MINUTE_MS) return null;
    const size = range.high - range.low;
    if (!(size > 0) || bar.volume < this.p.volumeFactor * range.volume) return null;
    const mid = (range.high + range.low) / 2;
    const from = bar.time + BAR_MS;
    if (bar.close > range.high) {
      const stop = this.p.stopAtOpposite ? range.low : mid;
      const target = range.high + this.p.targetMultiple * size;
      day.trade = { side: 'long', from, stop, target };
      return { target: 'long', reason: 'opening range breakout up', entry: { type: 'market' }, stopLoss: stop, takeProfit: target };
    }
    if (bar.close < range.low && ctx.allowShort) {
      const stop = this.p.stopAtOpposite ? range.high : mid;
      const target = range.low - this.p.targetMultiple * size;
      if (!(target > 0)) return null;
      day.trade = { side: 'short', from, stop, target };
      return { target: 'short', reason: 'opening range breakout down', entry: { type: 'market' }, stopLoss: stop, takeProfit: target };
    }
    return null;
  }

  /** Every day's range (high, low, mid over the session) and, once a trade was signalled, its stop and target from the entry bar on. */
  levels(): readonly ChartLevel[] {
    const out: ChartLevel[] = [];
    for (const { session, range, trade } of this.days) {
      if (range === null) continue;
      const span = { from: session.open, to: session.close };
      out.push({ label: 'OR high', price: range.high, kind: 'range-high', ...span });
      out.push({ label: 'OR low', price: range.low, kind: 'range-low', ...span });
      out.push({ label: 'OR mid', price: (range.high + range.low) / 2, kind: 'range-mid', ...span });
      if (trade !== null) {
        out.push({ label: `${trade.side} target`, price: trade.target, kind: 'target', from: trade.from, to: session.close });
        out.push({ label: `${trade.side} stop`, price: trade.stop, kind: 'stop', from: trade.from, to: session.close });
      }
    }
    return out;
  }
}

function toOrbParams(p: StrategyParams): OrbParams {
  return {
    waitMinutes: readNumber(p, 'waitMinutes'),
    volumeFactor: readNumber(p, 'volumeFactor'),
    stopAtOpposite: readBoolean(p, 'stopAtOpposite'),
    targetMultiple: readNumber(p, 'targetMultiple'),
  };
}

export const orbStrategy: StrategyDefinition = {
  id: 'orb',
  name: '5-minute opening range breakout',
  description:
    'US equities on 5m bars: the first 5m bar after the 09:30 New York open sets the range; after a wait, a close beyond it on enough volume enters (long, or short when allowed), stop at the midpoint or opposite side, target a multiple of the range; one trade a day, flat at the close.',
  params: PARAMS,
  resolveParams: (input) => resolveParamSet(PARAMS, input),
  create(params: StrategyParams, setup: StrategySetup): Strategy {
    if (setup.market !== 'us-equity') throw new Error(`orb runs on US equities only (got market ${setup.market})`);
    if (setup.intervalMs !== BAR_MS) throw new Error(`orb runs on 5-minute bars only (got intervalMs ${String(setup.intervalMs)})`);
    return new OpeningRangeBreakout(toOrbParams(resolveOrThrow('orb', PARAMS, params)));
  },
};
