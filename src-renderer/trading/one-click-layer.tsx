import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import type { Side } from '../../shared/trading/order';
import { useAppStores } from '../app/app-context';
import type { PaneLayerProps } from '../chart/pane-handle';
import { ticketSettingsOf } from '../ticket/ticket-store';
import { tradedInstrumentOf } from './instrument-lookup';
import { useQuote, useTrading } from './use-trading';

/**
 * One-click trading on the active pane: SELL at the bid, BUY at the ask, at
 * the default size of the instrument's asset class with the ticket's
 * take-profit and stop (a market order; with "Confirm orders" on, it asks first).
 */
export function OneClickLayer({ pane, view }: PaneLayerProps): ReactElement | null {
  const stores = useAppStores();
  const { entry, ticket } = useTrading();
  const active = useStore(stores.chartLayout, (s) => (s.value?.activePane ?? 0) === pane.index);
  const sending = useStore(ticket, (s) => s.sending);
  const target = active ? view.target : null;
  const quote = useQuote(target?.source ?? null, target?.symbol ?? null);
  const feeds = useStore(stores.feeds, (s) => s.feeds);
  useStore(stores.settings, (s) => s.settings?.ticket);
  if (target === null) return null;
  const series = { source: target.source, symbol: target.symbol };
  const instrument = feeds === null ? null : tradedInstrumentOf(stores, series);
  const qty = instrument === null ? null : ticketSettingsOf(stores.settings).defaultQty[instrument.assetClass];
  const tick = instrument?.tickSize ?? 0.01;
  const click = (side: Side): void => {
    entry.quickOrder(side, series, 'chart');
  };
  return (
    <div className="one-click" data-testid="one-click" data-pane={pane.index}>
      <button type="button" className="one-click-side side-sell" data-testid="oneclick-sell" disabled={sending || instrument === null} title={`Sell ${qty === null ? '' : formatQty(qty)} ${target.symbol} at market`} onClick={() => click('sell')}>
        <span className="one-click-verb">SELL</span>
        <span className="num">{quote === null ? '—' : formatPrice(quote.bid, tick)}</span>
      </button>
      <span className="one-click-qty num" title="Default size (settings.ticket.defaultQty)">
        {qty === null ? '—' : formatQty(qty)}
      </span>
      <button type="button" className="one-click-side side-buy" data-testid="oneclick-buy" disabled={sending || instrument === null} title={`Buy ${qty === null ? '' : formatQty(qty)} ${target.symbol} at market`} onClick={() => click('buy')}>
        <span className="one-click-verb">BUY</span>
        <span className="num">{quote === null ? '—' : formatPrice(quote.ask, tick)}</span>
      </button>
    </div>
  );
}
