import { cleanAmount } from '../../../shared/trading/decimal-steps';
import { formatAmount, formatLimit } from '../../../shared/trading/format-amount';
import type { RiskContext, RiskRefusal } from './risk-types';

/**
 * The rules that stop new entries only (exits and flattening always pass
 * them): the kill switch, the session's loss limit and the data gate.
 */

/** Engaged: no new entry until it is re-armed. */
export function killSwitchRule(ctx: RiskContext): RiskRefusal | null {
  if (!ctx.killSwitchEngaged) return null;
  return { rule: 'kill_switch', field: '', message: 'kill switch engaged: new entries are refused until it is re-armed' };
}

/** The session's realised + unrealised P&L at or below −maxDailyLoss blocks new entries for the rest of the session (0: no limit). */
export function dailyLossRule(ctx: RiskContext): RiskRefusal | null {
  const limit = ctx.settings.maxDailyLoss;
  if (limit <= 0) return null;
  const pnl = cleanAmount(ctx.session.realizedPnl + ctx.session.unrealizedPnl);
  if (pnl > -limit) return null;
  return {
    rule: 'max_daily_loss',
    field: '',
    message: `max daily loss ${formatLimit(limit)} ${ctx.currency} reached: the session is at ${formatAmount(pnl)} ${ctx.currency}; new entries wait for the next session`,
  };
}

/**
 * No new entry on a symbol whose feed is DEGRADED or BACKFILLING, that has
 * no price yet, or whose last price is older than staleAfterMs — unless the
 * order overrides the gate (or the account switched it off).
 */
export function dataGateRule(ctx: RiskContext): RiskRefusal | null {
  if (!ctx.settings.dataGate || ctx.order.overrideDataGate === true) return null;
  const { order, market, settings } = ctx;
  const tail = `no new entries on ${order.symbol} (override on the ticket to place anyway)`;
  const refuse = (why: string): RiskRefusal => ({ rule: 'data_gate', field: 'overrideDataGate', message: `data gate: ${why}: ${tail}` });
  if (market.feedStatus === 'DEGRADED' || market.feedStatus === 'BACKFILLING') return refuse(`the ${order.source} feed is ${market.feedStatus}`);
  if (market.quote === null) return refuse(`no price for ${order.symbol} yet`);
  const age = ctx.now - market.quote.time;
  if (age > settings.staleAfterMs) {
    return refuse(`the last price of ${order.symbol} is ${formatAmount(age / 1000, 1)} s old (stale after ${formatLimit(settings.staleAfterMs / 1000)} s)`);
  }
  return null;
}
