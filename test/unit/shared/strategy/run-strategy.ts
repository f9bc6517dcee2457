import type { Strategy, StrategyBar, StrategyIntent } from '../../../../shared/strategy/strategy';

/** One intent a strategy emitted, with the bar that produced it and the position it saw. */
export interface Emitted {
  readonly index: number;
  readonly time: number;
  readonly position: number;
  readonly intent: StrategyIntent;
}

const sign = (target: StrategyIntent['target']): number => (target === 'long' ? 1 : target === 'short' ? -1 : 0);

/**
 * Drives a strategy the way the runner does, with a deliberately simple fill
 * model for the tests: `market` fills at the next bar's open, `close` at the
 * generating bar's close, positions are ±1; once a position is open its stop
 * and target are checked against each bar's low/high from the fill bar on
 * (stop first when both are inside one bar). As in the engine, an `observe`
 * intent leaves the position alone and a short in a run without shorts
 * means flat.
 */
export function runStrategy(strategy: Strategy, bars: readonly StrategyBar[], allowShort = false): Emitted[] {
  const out: Emitted[] = [];
  let position = 0;
  let pending: StrategyIntent | null = null;
  let exits: { stop?: number; target?: number } = {};
  for (const [index, bar] of bars.entries()) {
    if (pending !== null) {
      position = sign(pending.target);
      exits = { stop: pending.stopLoss, target: pending.takeProfit };
      pending = null;
    }
    if (position !== 0) {
      const { stop, target } = exits;
      const stopHit = stop !== undefined && (position > 0 ? bar.low <= stop : bar.high >= stop);
      const targetHit = target !== undefined && (position > 0 ? bar.high >= target : bar.low <= target);
      if (stopHit || targetHit) {
        position = 0;
        exits = {};
      }
    }
    const intent = strategy.onBar(bar, { position, allowShort });
    if (intent === null) continue;
    out.push({ index, time: bar.time, position, intent });
    if (intent.target !== 'flat' && intent.observe === true) continue;
    const taken: StrategyIntent = intent.target === 'short' && !allowShort ? { target: 'flat', reason: intent.reason, entry: intent.entry ?? { type: 'market' } } : intent;
    if (taken.entry?.type === 'close') {
      position = sign(taken.target);
      exits = { stop: taken.stopLoss, target: taken.takeProfit };
    } else {
      pending = taken;
    }
  }
  return out;
}

/** A bar around one price: open = close = p, high p + 0.5, low p − 0.5. */
export function barAt(time: number, p: number, volume = 500): StrategyBar {
  return { time, open: p, high: p + 0.5, low: p - 0.5, close: p, volume };
}
