import { memo, useEffect, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { formatQty } from '../../shared/trading/format-amount';
import { pnlTone, signedMoney } from '../trading/money-format';
import { liveOrdersOf } from '../trading/orders-store';
import { useActivePositions, useTrading } from '../trading/use-trading';
import { contractLabel, premiumText } from './option-format';
import { optionPositionRows } from './option-position-rows';

const HEAD = ['Contract', 'Underlying', 'Qty', 'Avg', 'Bid', 'Mark', 'Ask', 'P&L / ct', 'P&L', 'BE', 'TP', 'DTE'];

/** The active account's option positions: the contract with its underlying and its price, bid / mark / ask, P&L per contract and in dollars, break-even and days to expiry. */
export const OptionPositions = memo(function OptionPositions(): ReactElement {
  const { quotes, orders, accounts } = useTrading();
  const positions = useActivePositions();
  const activeId = useStore(accounts, (s) => s.activeId);
  const live = useStore(orders, (s) => s.live);
  const takeProfits = new Map(liveOrdersOf(live, activeId).filter((o) => o.role === 'take_profit' && o.status !== 'held' && o.limitPrice !== null).map((o) => [`${o.source}:${o.symbol}`, o.limitPrice]));
  const book = useStore(quotes, (s) => s.quotes);
  const rows = optionPositionRows(positions, book);
  const underlyings = [...new Set(rows.map((r) => `${r.position.source}\u0000${r.underlying}`))].sort().join('|');
  useEffect(() => {
    if (underlyings === '') return undefined;
    const stops = underlyings.split('|').map((k) => {
      const [source = '', symbol = ''] = k.split('\u0000');
      return quotes.getState().watch(source, symbol);
    });
    return () => {
      for (const stop of stops) stop();
    };
  }, [quotes, underlyings]);
  return (
    <table className="data-table option-positions" data-testid="option-positions">
      <caption className="option-positions-caption">Option positions</caption>
      <thead>
        <tr>
          {HEAD.map((h, i) => (
            <th key={h} scope="col" className={i < 2 ? undefined : 'num'}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={HEAD.length} className="empty-cell">
              No option positions.
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.key} data-testid={`option-position-${r.position.symbol}`}>
            <td title={r.position.symbol}>{contractLabel(r.contract)}</td>
            <td data-testid="option-position-underlying">
              {r.underlying} <span className="num muted">{premiumText(r.underlyingPrice)}</span>
            </td>
            <td className="num">{formatQty(r.position.qty)}</td>
            <td className="num">{premiumText(r.position.avgPrice)}</td>
            <td className="num" data-testid="option-position-bid">
              {premiumText(r.bid)}
            </td>
            <td className="num" data-testid="option-position-mark">
              {premiumText(r.mark)}
            </td>
            <td className="num" data-testid="option-position-ask">
              {premiumText(r.ask)}
            </td>
            <td className={`num ${r.pnlPerContract === null ? '' : pnlTone(r.pnlPerContract)}`}>{r.pnlPerContract === null ? '—' : signedMoney(r.pnlPerContract)}</td>
            <td className={`num ${r.pnl === null ? '' : pnlTone(r.pnl)}`} data-testid="option-position-pnl">
              {r.pnl === null ? '—' : signedMoney(r.pnl)}
            </td>
            <td className="num" data-testid="option-position-breakeven">
              {premiumText(r.breakEven)}
            </td>
            <td className="num" data-testid="option-position-tp" title="the take-profit armed on the fill (Tapedeck's own order)">
              {premiumText(takeProfits.get(`${r.position.source}:${r.position.symbol}`) ?? null)}
            </td>
            <td className="num">{r.daysToExpiry === null ? '—' : String(r.daysToExpiry)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
