import type { BacktestRunSummary } from '../../shared/contract';
import { ratePct } from './run-form-values';

/** "sma-cross fast=10 slow=30": the strategy and its parameters in one line. */
export function describeParams(run: Pick<BacktestRunSummary, 'strategy' | 'request'>): string {
  const params = Object.entries(run.request.params).map(([name, value]) => `${name}=${String(value)}`);
  return [run.strategy, ...params].join(' ');
}

/** "cash 10000, commission 0.1%, slippage 2 bps, short, fractional": the costs that are set. */
export function describeCosts(run: Pick<BacktestRunSummary, 'request'>): string {
  const c = run.request.costs;
  const parts = [`cash ${String(c.cash)}`];
  if (c.commissionRate > 0) parts.push(`commission ${ratePct(c.commissionRate)}%`);
  if (c.commissionFixed > 0) parts.push(`fee ${String(c.commissionFixed)}`);
  if (c.slippageBps > 0) parts.push(`slippage ${String(c.slippageBps)} bps`);
  if (c.spread > 0) parts.push(`spread ${String(c.spread)}`);
  if (c.allowShort) parts.push('short');
  if (c.fractional) parts.push('fractional');
  return parts.join(', ');
}
