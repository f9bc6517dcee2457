import { useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../app/panel';
import { liveOrdersOf } from '../trading/orders-store';
import { instrumentKey } from '../trading/quote-key';
import { useAccountMoney, useActivePositions, useTrading } from '../trading/use-trading';
import { ClosedPositions } from './closed-positions';
import { FillsTable } from './fills-table';
import { PnlTotals } from './pnl-totals';
import { PositionMatrix } from './position-matrix';
import { useTickSizes } from './use-tick-size';
import { WorkingOrders } from './working-orders';

type Tab = 'positions' | 'orders' | 'fills';

/**
 * Positions, working orders and fills of the active paper account: each
 * open position with its live bid / mark / ask book (take-profit beside the
 * ask, stop beside the bid) and P&L, the positions closed since the reset,
 * the totals; working orders with edit and cancel; the fills.
 */
export function PositionsPanel(): ReactElement {
  const { accounts, orders, quotes, changes } = useTrading();
  const [tab, setTab] = useState<Tab>('positions');
  const [flattening, setFlattening] = useState(false);
  const activeId = useStore(accounts, (s) => s.activeId);
  const live = useStore(orders, (s) => s.live);
  const book = useStore(quotes, (s) => s.quotes);
  const positions = useActivePositions();
  const totals = useAccountMoney();
  const tickOf = useTickSizes();
  const open = positions.filter((p) => p.qty !== 0);
  const closed = positions.filter((p) => p.qty === 0);
  const working = liveOrdersOf(live, activeId);

  const flatten = (position: Parameters<typeof changes.flatten>[0]): void => {
    setFlattening(true);
    void changes.flatten(position).finally(() => setFlattening(false));
  };
  const tabButton = (id: Tab, label: string, count: number | null): ReactElement => (
    <button type="button" role="tab" aria-selected={tab === id} className="sub-tab" data-testid={`positions-tab-${id}`} onClick={() => setTab(id)}>
      {label}
      {count === null ? '' : ` ${String(count)}`}
    </button>
  );

  return (
    <Panel
      title="Positions"
      aside={
        <span className="sub-tabs" role="tablist" aria-label="Positions, orders, fills">
          {tabButton('positions', 'Open', open.length)}
          {tabButton('orders', 'Orders', working.length)}
          {tabButton('fills', 'Fills', null)}
        </span>
      }
      className="positions"
      testId="positions"
    >
      {tab === 'positions' && (
        <div className="positions-body" data-testid="positions-open">
          {totals !== null && <PnlTotals totals={totals} />}
          {open.length === 0 && <p className="empty-note">No open positions.</p>}
          {open.map((p) => (
            <PositionMatrix
              key={instrumentKey(p.source, p.symbol)}
              position={p}
              quote={book[instrumentKey(p.source, p.symbol)] ?? null}
              live={working}
              tickSize={tickOf(p.source, p.symbol)}
              busy={flattening}
              onFlatten={flatten}
            />
          ))}
          {open.length > 1 && (
            <button type="button" className="button flatten-all" disabled={flattening} data-testid="flatten-all" onClick={() => flatten(null)}>
              Flatten all
            </button>
          )}
          <ClosedPositions positions={closed} />
        </div>
      )}
      {tab === 'orders' && <WorkingOrders orders={working} />}
      {tab === 'fills' && <FillsTable />}
    </Panel>
  );
}
