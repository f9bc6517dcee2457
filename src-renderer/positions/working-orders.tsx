import type { ReactElement } from 'react';
import type { Order } from '../../shared/trading/order';
import { useTrading } from '../trading/use-trading';
import { OrderRow } from './order-row';
import { useTickSizes } from './use-tick-size';

/** The active account's live orders, newest first: working ones (edit, cancel) and exits held until their entry fills. */
export function WorkingOrders({ orders }: { readonly orders: readonly Order[] }): ReactElement {
  const { changes } = useTrading();
  const tickOf = useTickSizes();
  return (
    <table className="data-table working-orders" data-testid="working-orders">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col" className="num">
            Qty
          </th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col">Status</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {orders.length === 0 && (
          <tr>
            <td colSpan={5} className="empty-cell">
              No working orders.
            </td>
          </tr>
        )}
        {orders.map((o) => (
          <OrderRow key={o.id} order={o} tickSize={tickOf(o.source, o.symbol)} onCancel={changes.cancel} onReplace={changes.replace} />
        ))}
      </tbody>
    </table>
  );
}
