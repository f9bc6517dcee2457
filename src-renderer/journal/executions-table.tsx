import type { ReactElement } from 'react';
import type { Execution } from '../../shared/trading/execution';
import { formatInZone, formatPrice, formatSize } from './journal-format';

/** The trade's fills, in the order they were applied. */
export function ExecutionsTable({ executions, zone }: { readonly executions: readonly Execution[]; readonly zone: string }): ReactElement {
  return (
    <table className="journal-table" data-testid="journal-fills">
      <thead>
        <tr>
          <th>Time</th>
          <th>Side</th>
          <th className="right">Qty</th>
          <th className="right">Price</th>
          <th className="right">Fee</th>
          <th>Origin</th>
        </tr>
      </thead>
      <tbody>
        {executions.map((e) => (
          <tr key={e.id}>
            <td className="num">{formatInZone(e.time, zone)}</td>
            <td className={e.side === 'buy' ? 'tone-good' : 'tone-bad'}>{e.side}</td>
            <td className="num right">{formatSize(e.qty)}</td>
            <td className="num right">{formatPrice(e.price)}</td>
            <td className="num right">{formatPrice(e.fee)}</td>
            <td className="muted">{e.origin}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
