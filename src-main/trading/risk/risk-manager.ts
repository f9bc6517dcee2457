import { dailyLossRule, dataGateRule, killSwitchRule } from './entry-gates';
import { orderIntent, positionFor } from './order-intent';
import { openPositionsRule, orderNotionalRule, ordersPerMinuteRule, positionRule } from './order-limits';
import type { RiskContext, RiskDecision, RiskIntent, RiskRefusal, RiskRule } from './risk-types';
import { tradingHoursRule } from './trading-hours';

interface RuleEntry {
  readonly rule: RiskRule;
  readonly check: (ctx: RiskContext) => RiskRefusal | null;
  /** Exits are held to these too; entries to every rule; a flatten to none. */
  readonly exits: boolean;
}

/**
 * The rules in the order they are checked. Entries face all of them; exits
 * (orders that only reduce a position) only the market's hours, the pace of
 * orders and the per-order notional — the kill switch, the daily loss limit,
 * the data gate and the position limits never stop a way out; a flatten
 * passes every rule.
 */
export const RULES: readonly RuleEntry[] = [
  { rule: 'kill_switch', check: killSwitchRule, exits: false },
  { rule: 'trading_hours', check: tradingHoursRule, exits: true },
  { rule: 'data_gate', check: dataGateRule, exits: false },
  { rule: 'max_daily_loss', check: dailyLossRule, exits: false },
  { rule: 'max_orders_per_minute', check: ordersPerMinuteRule, exits: true },
  { rule: 'max_order_notional', check: orderNotionalRule, exits: true },
  { rule: 'max_position', check: positionRule, exits: false },
  { rule: 'max_open_positions', check: openPositionsRule, exits: false },
];

/** The risk manager's decision on one order: ok, or the first rule that refuses it with its plain reason. */
export function checkRisk(ctx: RiskContext): RiskDecision {
  const intent: RiskIntent = ctx.intent ?? orderIntent(ctx.order, positionFor(ctx.positions, ctx.order));
  if (intent === 'flatten') return { ok: true, intent };
  for (const r of RULES) {
    if (intent === 'exit' && !r.exits) continue;
    const refusal = r.check(ctx);
    if (refusal !== null) return { ok: false, intent, ...refusal };
  }
  return { ok: true, intent };
}
