import type { Execution } from '../../../shared/trading/execution';
import type { Order } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';

/**
 * What a paper step produced, in the order it happened; the service persists
 * them (in one transaction) before it publishes them or commits the state:
 * - order: an order as it now is (created, or a new status, fill, quantity or price);
 * - execution: a fill (fee included);
 * - position: the position of the fill's instrument after it;
 * - note: a line for the audit log (an exit moved onto the right side of its fill, one that could not be armed).
 */
export type PaperEffect =
  | { readonly kind: 'order'; readonly order: Order }
  | { readonly kind: 'execution'; readonly execution: Execution }
  | { readonly kind: 'position'; readonly position: Position }
  | { readonly kind: 'note'; readonly orderId: string; readonly message: string };
