import type { ContractError } from '../../shared/contract';
import { formatQty } from '../../shared/trading/format-amount';
import type { Order } from '../../shared/trading/order';
import type { Position } from '../../shared/trading/position';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';
import type { AccountsStore } from './accounts-store';
import { lastWorkingOrder, type OrdersStore } from './orders-store';
import { orderLabel } from './order-text';
import type { TradingInputs } from './trading-inputs';

/** A working order's new quantity or prices (an inline edit, a dragged line). */
export interface OrderEdit {
  readonly qty?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

/** Changes to what is working: cancel, replace, flatten; each resolves null when done, else the core's reason. */
export interface OrderChanges {
  readonly cancel: (order: Order) => Promise<ContractError | null>;
  readonly replace: (order: Order, edit: OrderEdit) => Promise<ContractError | null>;
  /** One position (or, without one, every position of the active account) closed at market. */
  readonly flatten: (position: Position | null) => Promise<ContractError | null>;
  /** Esc: cancels the active account's newest working order; false when there is none. */
  readonly cancelLast: () => boolean;
}

export interface OrderChangeParts {
  readonly client: Pick<TapedeckClient, 'call'>;
  readonly inputs: Pick<TradingInputs, 'hotkeys'>;
  readonly accounts: AccountsStore;
  readonly orders: OrdersStore;
}

async function attempt(call: () => Promise<unknown>): Promise<ContractError | null> {
  try {
    await call();
    return null;
  } catch (reason: unknown) {
    return toContractError(reason);
  }
}

export function createOrderChanges({ client, inputs, accounts, orders }: OrderChangeParts): OrderChanges {
  const changes: OrderChanges = {
    cancel: (order) => attempt(() => client.call('orders.cancel', { accountId: order.accountId, id: order.id })),
    replace: (order, edit) => attempt(() => client.call('orders.replace', { accountId: order.accountId, id: order.id, ...edit })),
    flatten: (position) => {
      const accountId = position?.accountId ?? accounts.getState().activeId;
      if (accountId === null) return Promise.resolve({ code: 'BAD_REQUEST', message: 'no active account', path: '' });
      return attempt(() => client.call('positions.flatten', position === null ? { accountId } : { accountId, source: position.source, symbol: position.symbol }));
    },
    cancelLast: () => {
      const order = lastWorkingOrder(orders.getState().live, accounts.getState().activeId);
      if (order === null) return false;
      const price = order.limitPrice ?? order.stopPrice;
      const what = `${orderLabel(order)} ${order.side} ${formatQty(order.qty)} ${order.symbol}${price === null ? '' : ` at ${String(price)}`}`;
      void changes.cancel(order).then((error) => {
        inputs.hotkeys.getState().showNote(error === null ? `Canceled: ${what}` : `Cancel refused: ${error.message}`);
      });
      return true;
    },
  };
  return changes;
}
