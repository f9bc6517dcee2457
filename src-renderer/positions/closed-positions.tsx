import type { ReactElement } from 'react';
import type { Position } from '../../shared/trading/position';
import { money, pnlTone, signedMoney } from '../trading/money-format';

export interface ClosedPositionsProps {
  readonly positions: readonly Position[];
}

/** Positions closed since the account's last reset, with their realised P&L and fees. */
export function ClosedPositions({ positions }: ClosedPositionsProps): ReactElement | null {
  if (positions.length === 0) return null;
  return (
    <table className="data-table closed-positions" data-testid="closed-positions">
      <caption className="table-caption">Closed since reset</caption>
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col" className="num">
            Realised
          </th>
          <th scope="col" className="num">
            Fees
          </th>
        </tr>
      </thead>
      <tbody>
        {positions.map((p) => (
          <tr key={`${p.source}:${p.symbol}`} data-testid={`closed-${p.symbol}`}>
            <td>
              {p.symbol} <span className="muted">{p.source.toUpperCase()}</span>
            </td>
            <td className={`num ${pnlTone(p.realizedPnl)}`}>{signedMoney(p.realizedPnl)}</td>
            <td className="num muted">{money(p.fees)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
