import { formatAmount, formatQty } from '../../../shared/trading/format-amount';
import type { Execution } from '../../../shared/trading/execution';
import type { Order } from '../../../shared/trading/order';

/** What happened to an order between two of its states, as one word the audit log and the order's history show. */
export function transitionName(before: Order | undefined, after: Order): string {
  if (before === undefined) return after.status === 'held' ? 'held' : 'placed';
  if (before.status === 'held' && after.status !== 'held' && after.status !== 'canceled') return 'armed';
  if (after.filledQty !== before.filledQty) return after.status === 'filled' ? 'filled' : 'partially filled';
  if (after.status !== before.status) return after.status.replace('_', ' ');
  if (after.qty !== before.qty || after.limitPrice !== before.limitPrice || after.stopPrice !== before.stopPrice) return after.status === 'held' ? 'resized' : 'replaced';
  return 'updated';
}

/** "buy 10 SPY limit 512.3", "sell 2 BTCUSD stop 99 limit 98.9 (stop-loss)" — an order in a trader's words. */
export function describeOrder(o: Order): string {
  const stop = o.stopPrice === null ? '' : ` ${String(o.stopPrice)}`;
  const limit = o.limitPrice === null ? '' : ` ${String(o.limitPrice)}`;
  const terms = o.type === 'market' ? 'market' : o.type === 'limit' ? `limit${limit}` : o.type === 'stop' ? `stop${stop}` : `stop${stop} limit${limit}`;
  const role = o.role === 'entry' ? '' : ` (${o.role.replace('_', '-')})`;
  return `${o.side} ${formatQty(o.qty)} ${o.symbol} ${terms}${role}`;
}

/** The audit line of an order transition. */
export function orderAuditText(before: Order | undefined, after: Order): string {
  const what = transitionName(before, after);
  const fill = after.filledQty > 0 && after.avgFillPrice !== null ? `, ${formatQty(after.filledQty)} filled at ${String(after.avgFillPrice)}` : '';
  const why = after.rejectReason === null ? '' : `: ${after.rejectReason}`;
  return `${describeOrder(after)}: ${what}${fill}${why}`;
}

/** The audit line of a fill. */
export function fillAuditText(e: Execution): string {
  return `${e.side === 'buy' ? 'bought' : 'sold'} ${formatQty(e.qty)} ${e.symbol} at ${String(e.price)} (fee ${formatAmount(e.fee)})`;
}
