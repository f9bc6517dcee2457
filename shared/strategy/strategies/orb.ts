import { MINUTE_MS } from '../../domain/interval';
import { sessionAt, type Session } from '../../market/sessions';
import { allRules, boolParam, choiceParam, intParam, notBoth, numberParam, readBoolean, readChoice, readNumber, resolveOrThrow, resolveParamSet, type ParamRule } from '../params';
import type { ChartLevel, EntryIntent, ParamSpec, Strategy, StrategyBar, StrategyContext, StrategyDefinition, StrategyIntent, StrategyParams, StrategySetup } from '../strategy';

/**
 * The 5-minute opening range model, as the trader states it (US equities, 5m bars).
 *
 * - Range: the session's first 5m bar, the one opening at 09:30 New York (DST,
 *   holidays and early closes by the NYSE calendar); its high H and low L are
 *   the day's two lines. No such bar (a gap in the data): no trade that day.
 * - Wait: a bar may break once it opens at or after 09:35 + `waitMinutes`
 *   (default 10: the 09:45 bar is the first).
 * - The first break decides the day: the first such bar that closes above H
 *   makes it an up day (setup 'orb-up'), below L a down day ('orb-down').
 *   Nothing later that day trades, in every mode: a later break the other
 *   way does nothing.
 * - Entry at the next bar's open. Both directions are trades (up = calls,
 *   down = puts; on the underlying a down day is a short). With `longOnly` a
 *   down day is reported as a signal without position (`observe`), and with
 *   `shortOnly` an up day; so is a down day when the run allows no shorts.
 * - Volume confirmation (`volumeFactor` > 0, off by default): the breaking
 *   bar's volume must be at least that multiple of the first bar's, or the
 *   day (already decided) is not traded.
 * - Exits: an optional take-profit, `targetPct` percent of the entry price
 *   or `targetR` ranges (H - L) beyond the broken line (not both); an
 *   optional stop: `none` (default), `opposite` (the other line), `mid`
 *   ((H + L) / 2) or `pct` (`stopPct` percent of the entry price); and always
 *   flat at the close of the session's last bar (open + 5 min >= close, 12:55
 *   on a 13:00 early close), for a position held or a signal without
 *   position; a break on that last bar is not traded. If that bar is missing,
 *   the flat is at market on the next session's first bar.
 * - Not traded: a zero-size range (H == L), and a short whose `targetR`
 *   target would not be a positive price. Bars outside the regular session
 *   and bars not later than the previous one are ignored.
 */

const BAR_MS = 5 * MINUTE_MS;
export const ORB_UP = 'orb-up';
export const ORB_DOWN = 'orb-down';
const STOPS = ['none', 'opposite', 'mid', 'pct'] as const;
type StopRule = (typeof STOPS)[number];
/** How many past days' levels `levels()` keeps. */
export const ORB_LEVEL_DAYS = 500;

const PARAMS: readonly ParamSpec[] = [
  intParam('waitMinutes', 'Minutes after the first 5m bar closes before a close beyond its high or low counts (a bar may break once it opens at or after 09:35 + wait)', 10, 0, 180, 5),
  numberParam('volumeFactor', "Volume confirmation: the breaking bar's volume must be at least this multiple of the first bar's (0: off)", 0, 0, 10, 0.1),
  boolParam('longOnly', 'Trade up days only; a down day is reported as a signal without position', false),
  boolParam('shortOnly', 'Trade down days only; an up day is reported as a signal without position', false),
  numberParam('targetPct', 'Take profit this many percent of the entry price away (0: none)', 0, 0, 20, 0.1),
  numberParam('targetR', 'Take profit this many opening ranges beyond the broken line (0: none)', 0, 0, 10, 0.25),
  choiceParam('stop', 'Stop: none, the opposite side of the range, its midpoint, or stopPct percent of the entry price', 'none', STOPS),
  numberParam('stopPct', 'With stop=pct: the stop this many percent of the entry price away', 0.5, 0.01, 20, 0.01),
];

const rule: ParamRule = allRules(notBoth('longOnly', 'shortOnly'), (p) =>
  readNumber(p, 'targetPct') > 0 && readNumber(p, 'targetR') > 0 ? { field: 'targetR', message: 'give targetPct or targetR, not both' } : null,
);

interface OrbParams {
  readonly waitMinutes: number;
  readonly volumeFactor: number;
  readonly longOnly: boolean;
  readonly shortOnly: boolean;
  readonly targetPct: number;
  readonly targetR: number;
  readonly stop: StopRule;
  readonly stopPct: number;
}

interface Signal {
  readonly side: 'long' | 'short';
  readonly observed: boolean;
  /** Open time of the entry bar (the bar after the signal). */
  readonly from: number;
  /** Price levels, or null when none or in percent. */
  readonly stop: number | null;
  readonly target: number | null;
  /** The entry bar's open, once seen: where percent exits are drawn from. */
  entryPrice: number | null;
}

interface Day {
  readonly session: Session;
  readonly range: { readonly high: number; readonly low: number; readonly volume: number } | null;
  /** The first break happened: nothing else trades today. */
  decided: boolean;
  signal: Signal | null;
}

const SESSION_END: StrategyIntent = { target: 'flat', entry: { type: 'close' }, reason: 'session end' };
const SESSION_END_MISSED: StrategyIntent = { target: 'flat', reason: 'session end (closing bar missing)', entry: { type: 'market' } };

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
      const previous = day;
      const range = bar.time === session.open ? { high: bar.high, low: bar.low, volume: bar.volume } : null;
      day = { session, range, decided: false, signal: null };
      this.days.push(day);
      if (this.days.length > ORB_LEVEL_DAYS) this.days.shift();
      return ctx.position !== 0 || previous?.signal?.observed === true ? SESSION_END_MISSED : null;
    }
    const signal = day.signal;
    if (signal !== null && signal.entryPrice === null && bar.time >= signal.from) signal.entryPrice = bar.open;
    if (bar.time + BAR_MS >= session.close) return ctx.position !== 0 || signal?.observed === true ? SESSION_END : null;
    return this.breakout(day, bar, ctx);
  }

  private breakout(day: Day, bar: StrategyBar, ctx: StrategyContext): EntryIntent | null {
    const range = day.range;
    if (range === null || day.decided) return null;
    if (bar.time < day.session.open + BAR_MS + this.p.waitMinutes * MINUTE_MS) return null;
    const up = bar.close > range.high;
    if (!up && !(bar.close < range.low)) return null;
    day.decided = true;
    const { high, low } = range;
    const size = high - low;
    if (!(size > 0) || ctx.position !== 0) return null;
    if (this.p.volumeFactor > 0 && bar.volume < this.p.volumeFactor * range.volume) return null;

    const side = up ? 'long' : 'short';
    const watchOnly = up ? this.p.shortOnly : this.p.longOnly;
    // A short in a run without shorts is a signal without position too (the engine's rule).
    const observed = watchOnly || (!up && !ctx.allowShort);
    const stop = this.stopPrice(up, high, low);
    const target = this.p.targetR > 0 ? (up ? high + this.p.targetR * size : low - this.p.targetR * size) : null;
    if (target !== null && !(target > 0)) return null;
    day.signal = { side, observed, from: bar.time + BAR_MS, stop, target, entryPrice: null };
    return {
      target: side,
      setup: up ? ORB_UP : ORB_DOWN,
      reason: up ? 'opening range breakout up' : 'opening range breakout down',
      entry: { type: 'market' },
      ...(watchOnly ? { observe: true } : {}),
      ...(stop !== null ? { stopLoss: stop } : this.p.stop === 'pct' ? { stopLossPct: this.p.stopPct } : {}),
      ...(target !== null ? { takeProfit: target } : this.p.targetPct > 0 ? { takeProfitPct: this.p.targetPct } : {}),
    };
  }

  private stopPrice(up: boolean, high: number, low: number): number | null {
    switch (this.p.stop) {
      case 'none':
      case 'pct':
        return null;
      case 'opposite':
        return up ? low : high;
      case 'mid':
        return (high + low) / 2;
    }
  }

  /**
   * Each kept day's range (high, low, mid over the session) and, once the day
   * signalled, its target and stop from the entry bar on (percent ones once
   * the entry bar's open is known; "(no position)" for a signal without one).
   */
  levels(): readonly ChartLevel[] {
    const out: ChartLevel[] = [];
    for (const { session, range, signal } of this.days) {
      if (range === null) continue;
      const span = { from: session.open, to: session.close };
      out.push({ label: 'OR high', price: range.high, kind: 'range-high', ...span });
      out.push({ label: 'OR low', price: range.low, kind: 'range-low', ...span });
      out.push({ label: 'OR mid', price: (range.high + range.low) / 2, kind: 'range-mid', ...span });
      if (signal === null) continue;
      const sign = signal.side === 'long' ? 1 : -1;
      const entry = signal.entryPrice;
      const target = signal.target ?? (this.p.targetPct > 0 && entry !== null ? entry * (1 + (sign * this.p.targetPct) / 100) : null);
      const stop = signal.stop ?? (this.p.stop === 'pct' && entry !== null ? entry * (1 - (sign * this.p.stopPct) / 100) : null);
      const note = signal.observed ? ' (no position)' : '';
      const tradeSpan = { from: signal.from, to: session.close };
      if (target !== null) out.push({ label: `${signal.side} target${note}`, price: target, kind: 'target', ...tradeSpan });
      if (stop !== null) out.push({ label: `${signal.side} stop${note}`, price: stop, kind: 'stop', ...tradeSpan });
    }
    return out;
  }
}

function toOrbParams(p: StrategyParams): OrbParams {
  return {
    waitMinutes: readNumber(p, 'waitMinutes'),
    volumeFactor: readNumber(p, 'volumeFactor'),
    longOnly: readBoolean(p, 'longOnly'),
    shortOnly: readBoolean(p, 'shortOnly'),
    targetPct: readNumber(p, 'targetPct'),
    targetR: readNumber(p, 'targetR'),
    stop: readChoice(p, 'stop', STOPS),
    stopPct: readNumber(p, 'stopPct'),
  };
}

export const orbStrategy: StrategyDefinition = {
  id: 'orb',
  name: '5-minute opening range breakout',
  description:
    "US equities on 5m bars: the first 5m bar after the 09:30 New York open sets the day's two lines; after a wait, the first close beyond one decides the day (up = long, down = short), entered at the next open; optional stop and take-profit; flat at the close.",
  params: PARAMS,
  shortsByDefault: true,
  resolveParams: (input) => resolveParamSet(PARAMS, input, rule),
  create(params: StrategyParams, setup: StrategySetup): Strategy {
    if (setup.market !== 'us-equity') throw new Error(`orb runs on US equities only (got market ${setup.market})`);
    if (setup.intervalMs !== BAR_MS) throw new Error(`orb runs on 5-minute bars only (got intervalMs ${String(setup.intervalMs)})`);
    return new OpeningRangeBreakout(toOrbParams(resolveOrThrow('orb', PARAMS, params, rule)));
  },
};
