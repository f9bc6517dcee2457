import { useState, type ReactElement } from 'react';
import type { ContractError } from '../../shared/contract';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import type { Order } from '../../shared/trading/order';
import { parseNumber } from '../ticket/ticket-math';
import type { OrderEdit } from '../trading/order-changes';
import { orderLabel, workingPrice } from '../trading/order-text';

export interface OrderRowProps {
  readonly order: Order;
  readonly tickSize: number;
  readonly onCancel: (order: Order) => Promise<ContractError | null>;
  readonly onReplace: (order: Order, edit: OrderEdit) => Promise<ContractError | null>;
}

/** One working order: what, side, quantity, price, status; Cancel, and Edit (quantity and price inline, Enter saves, Esc leaves). */
export function OrderRow({ order, tickSize, onCancel, onReplace }: OrderRowProps): ReactElement {
  const price = workingPrice(order);
  const priceField = order.type === 'stop' || order.type === 'stop_limit' ? 'stopPrice' : 'limitPrice';
  const [editing, setEditing] = useState<{ qty: string; price: string } | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const held = order.status === 'held';

  const run = (call: () => Promise<ContractError | null>): void => {
    setBusy(true);
    void call().then((e) => {
      setBusy(false);
      setError(e);
      if (e === null) setEditing(null);
    });
  };
  const save = (): void => {
    if (editing === null) return;
    const qty = parseNumber(editing.qty);
    const p = parseNumber(editing.price);
    const edit: { qty?: number; limitPrice?: number; stopPrice?: number } = {};
    if (qty !== null && qty !== order.qty) edit.qty = qty;
    if (p !== null && price !== null && p !== price) edit[priceField] = p;
    if (Object.keys(edit).length === 0) {
      setEditing(null);
      return;
    }
    run(() => onReplace(order, edit));
  };

  return (
    <>
      <tr data-testid={`order-${order.id}`} data-role={order.role} data-status={order.status} className={held ? 'is-held' : undefined}>
        <td>
          <span className={order.side === 'buy' ? 'tone-good' : 'tone-bad'}>{order.side === 'buy' ? 'B' : 'S'}</span> {order.symbol}{' '}
          <span className="muted">{orderLabel(order)}</span>
        </td>
        {editing === null ? (
          <>
            <td className="num">{formatQty(order.qty)}</td>
            <td className="num" data-testid="order-price">
              {price === null ? (held ? 'on fill' : 'MKT') : formatPrice(price, tickSize)}
            </td>
          </>
        ) : (
          <>
            <td>
              <input className="input num cell-input" aria-label="New quantity" value={editing.qty} data-testid="order-edit-qty" onChange={(e) => setEditing({ ...editing, qty: e.target.value })} onKeyDown={(e) => keys(e, save, () => setEditing(null))} />
            </td>
            <td>
              <input className="input num cell-input" aria-label="New price" value={editing.price} disabled={price === null} data-testid="order-edit-price" autoFocus onChange={(e) => setEditing({ ...editing, price: e.target.value })} onKeyDown={(e) => keys(e, save, () => setEditing(null))} />
            </td>
          </>
        )}
        <td className="muted">{held ? 'held' : order.status.replace('_', ' ')}</td>
        <td className="row-actions">
          {editing === null ? (
            <button type="button" className="link-button" disabled={busy || held} data-testid="order-edit" onClick={() => setEditing({ qty: String(order.qty), price: price === null ? '' : String(price) })}>
              Edit
            </button>
          ) : (
            <button type="button" className="link-button" disabled={busy} data-testid="order-save" onClick={save}>
              Save
            </button>
          )}
          <button type="button" className="icon-button" aria-label={`Cancel ${orderLabel(order)} ${order.symbol}`} disabled={busy} data-testid="order-cancel" onClick={() => run(() => onCancel(order))}>
            ×
          </button>
        </td>
      </tr>
      {error !== null && (
        <tr className="row-error">
          <td colSpan={5} role="alert" data-testid="order-error">
            <span className="error-code">{error.code}</span> {error.message}
          </td>
        </tr>
      )}
    </>
  );
}

function keys(e: { key: string; preventDefault(): void; stopPropagation(): void }, save: () => void, leave: () => void): void {
  if (e.key === 'Enter') {
    e.preventDefault();
    save();
  } else if (e.key === 'Escape') {
    // Esc leaves the edit, and must not reach the window (where it cancels the last order).
    e.preventDefault();
    e.stopPropagation();
    leave();
  }
}
