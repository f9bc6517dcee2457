import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import { money } from '../trading/money-format';
import { useTrading } from '../trading/use-trading';
import { useTickSizes } from './use-tick-size';

/** "14:05:09" in UTC (fills happen on the market clock). */
function timeOf(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** The active account's fills, newest first. */
export function FillsTable(): ReactElement {
  const fills = useStore(useTrading().fills, (s) => s.fills);
  const tickOf = useTickSizes();
  return (
    <table className="data-table fills-table" data-testid="fills-table">
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Fill</th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col" className="num">
            Fee
          </th>
        </tr>
      </thead>
      <tbody>
        {fills.length === 0 && (
          <tr>
            <td colSpan={4} className="empty-cell">
              No fills yet.
            </td>
          </tr>
        )}
        {fills.map((f) => (
          <tr key={f.id} data-testid="fill-row" data-side={f.side}>
            <td className="num muted" title={new Date(f.time).toISOString()}>
              {timeOf(f.time)}
            </td>
            <td>
              <span className={f.side === 'buy' ? 'tone-good' : 'tone-bad'}>{f.side === 'buy' ? 'Bought' : 'Sold'}</span> {formatQty(f.qty)} {f.symbol}
            </td>
            <td className="num">{formatPrice(f.price, tickOf(f.source, f.symbol))}</td>
            <td className="num muted">{money(f.fee)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
