import type { StrategyIntent } from '../../../shared/strategy/strategy';

/**
 * What is wrong with an intent, or null. The types say most of it, but a
 * strategy computes its prices, and a NaN stop or a zero-sized order must
 * stop the run with a strategy error rather than trade on nonsense:
 * - target is 'long', 'short' or 'flat'; reason is a string;
 * - an entry (long, short) names its setup: a non-empty string (a flat may);
 * - observe, when given, is a boolean;
 * - entry is market, close, or limit/stop with a finite positive price;
 * - stopLoss and takeProfit, when given, are finite and positive;
 * - stopLossPct and takeProfitPct, when given, are finite and > 0, and not
 *   given together with stopLoss / takeProfit;
 * - sizeFraction, when given, is in (0, 1].
 */
export function intentProblem(intent: StrategyIntent): string | null {
  const target: unknown = intent.target;
  if (target !== 'long' && target !== 'short' && target !== 'flat') return `intent.target must be long, short or flat (got ${String(target)})`;
  if (typeof intent.reason !== 'string') return 'intent.reason must be a string';
  const setup: unknown = intent.setup;
  if (target !== 'flat' && (typeof setup !== 'string' || setup === '')) return `intent.setup must name the entry's setup (got ${String(setup)})`;
  if (setup !== undefined && typeof setup !== 'string') return 'intent.setup must be a string';
  const observe: unknown = intent.observe;
  if (observe !== undefined && typeof observe !== 'boolean') return `intent.observe must be true or false (got ${JSON.stringify(observe) ?? typeof observe})`;
  const entry = intent.entry;
  if (entry !== undefined) {
    if (entry.type === 'limit' || entry.type === 'stop') {
      if (!positive(entry.price)) return `intent.entry.price must be a finite positive price (got ${String(entry.price)})`;
    } else {
      const type: unknown = entry.type;
      if (type !== 'market' && type !== 'close') return `intent.entry.type must be market, close, limit or stop (got ${String(type)})`;
    }
  }
  if (intent.stopLoss !== undefined && !positive(intent.stopLoss)) return `intent.stopLoss must be a finite positive price (got ${String(intent.stopLoss)})`;
  if (intent.takeProfit !== undefined && !positive(intent.takeProfit)) return `intent.takeProfit must be a finite positive price (got ${String(intent.takeProfit)})`;
  if (intent.stopLossPct !== undefined) {
    if (!positive(intent.stopLossPct)) return `intent.stopLossPct must be a finite percent > 0 (got ${String(intent.stopLossPct)})`;
    if (intent.stopLoss !== undefined) return 'intent: give stopLoss or stopLossPct, not both';
  }
  if (intent.takeProfitPct !== undefined) {
    if (!positive(intent.takeProfitPct)) return `intent.takeProfitPct must be a finite percent > 0 (got ${String(intent.takeProfitPct)})`;
    if (intent.takeProfit !== undefined) return 'intent: give takeProfit or takeProfitPct, not both';
  }
  const f = intent.sizeFraction;
  if (f !== undefined && !(Number.isFinite(f) && f > 0 && f <= 1)) return `intent.sizeFraction must be in (0, 1] (got ${String(f)})`;
  return null;
}

function positive(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}
