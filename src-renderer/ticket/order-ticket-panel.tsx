import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { formatPrice, formatQty } from '../../shared/trading/format-amount';
import { ORDER_TYPES, TIME_IN_FORCE, type OrderType, type TimeInForce } from '../../shared/trading/order';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { Panel } from '../app/panel';
import { typeLabel } from '../trading/order-text';
import { useActiveAccount, useActivePositions, useQuote, useTrading } from '../trading/use-trading';
import { ExitField } from './exit-field';
import { fieldOf } from './field-errors';
import { FieldNote } from './field-note';
import { PriceStepper } from './price-stepper';
import { priceText } from './price-step';
import { SIZE_MODES, type SizeMode } from './ticket-draft';
import { ticketPreview } from './ticket-math';
import { TicketPreviewBox } from './ticket-preview-box';
import { TicketQuote } from './ticket-quote';
import { saveDraftAsDefaults, saveTicketSettings } from './ticket-settings-actions';
import { TicketSymbolField } from './ticket-symbol-field';
import { useTicketSeries } from './use-ticket-series';

const isType = (v: string): v is OrderType => ORDER_TYPES.some((t) => t === v);
const isTif = (v: string): v is TimeInForce => TIME_IN_FORCE.some((t) => t === v);
const isSizeMode = (v: string): v is SizeMode => SIZE_MODES.some((m) => m.mode === v);

/**
 * The order ticket: symbol (the active pane's unless typed), live bid/ask,
 * side, size (quantity, notional or % of buying power), type and prices on
 * the tick, time in force, take-profit and stop in the trader's units, the
 * max loss / reward / R:R before sending, and the risk manager's refusal
 * beside the field it names.
 */
export function OrderTicketPanel(): ReactElement {
  const stores = useAppStores();
  const { ticket, entry } = useTrading();
  const draft = useStore(ticket, (s) => s.draft);
  const error = useStore(ticket, (s) => s.error);
  const sending = useStore(ticket, (s) => s.sending);
  const lastOrder = useStore(ticket, (s) => s.lastOrder);
  const confirm = useStore(stores.settings, (s) => s.settings?.ticket.confirm ?? false);
  useStore(stores.feeds, (s) => s.feeds);
  useActivePositions();
  const account = useActiveAccount();
  const series = useTicketSeries(draft.symbol);
  const quote = useQuote(series?.source ?? null, series?.symbol ?? null);
  const context = series === null ? null : entry.contextFor(series);
  const ctx = context?.ok === true ? context.value : null;
  const preview = ctx === null ? null : ticketPreview(draft, ctx);
  const problem = preview?.problem ?? (context !== null && !context.ok ? { field: context.field, message: context.message } : null);
  const tick = ctx?.instrument.tickSize ?? null;
  const price = (p: number | null): string | null => (p === null || tick === null ? null : formatPrice(p, tick));
  const edit = ticket.getState().edit;
  const buy = draft.side === 'buy';
  const needsLimit = draft.type === 'limit' || draft.type === 'stop_limit';
  const needsStop = draft.type === 'stop' || draft.type === 'stop_limit';
  const gateShown = fieldOf(error) === 'overrideDataGate' || draft.overrideDataGate;
  const general = error !== null && fieldOf(error) === null ? error : null;
  const qty = preview?.request?.qty ?? null;
  const start = quote === null ? null : buy ? quote.ask : quote.bid;

  return (
    <Panel title="Order ticket" aside={<span className="tag tag-paper">PAPER{account === null ? '' : ` · ${account.name}`}</span>} className="ticket" testId="order-ticket">
      <form
        className="ticket-form"
        onSubmit={(e) => {
          e.preventDefault();
          entry.submitTicket(series);
        }}
      >
        <TicketSymbolField typed={draft.symbol} shown={series?.symbol ?? null} source={series?.source ?? null} onChange={(symbol) => edit({ symbol })} />
        <FieldNote field="symbol" error={error} problem={problem} />
        <TicketQuote quote={quote} tickSize={tick ?? 0.01} onPrice={(p) => edit({ type: draft.type === 'market' ? 'limit' : draft.type, limitPrice: priceText(p, tick ?? 0.01) })} />
        <div className="ticket-sides" role="radiogroup" aria-label="Side">
          <button type="button" role="radio" aria-checked={buy} className={buy ? 'button side-buy is-on' : 'button side-buy'} data-testid="ticket-side-buy" onClick={() => edit({ side: 'buy' })}>
            Buy
          </button>
          <button type="button" role="radio" aria-checked={!buy} className={buy ? 'button side-sell' : 'button side-sell is-on'} data-testid="ticket-side-sell" onClick={() => edit({ side: 'sell' })}>
            Sell
          </button>
        </div>
        <label className="field">
          <span className="field-label">Size</span>
          <span className="field-pair">
            <select className="input size-mode" aria-label="Size in" value={draft.sizeMode} data-testid="ticket-size-mode" onChange={(e) => isSizeMode(e.target.value) && edit({ sizeMode: e.target.value, size: '' })}>
              {SIZE_MODES.map((m) => (
                <option key={m.mode} value={m.mode}>
                  {m.label}
                </option>
              ))}
            </select>
            <input
              className="input num"
              aria-label="Size"
              inputMode="decimal"
              value={draft.size}
              placeholder={draft.sizeMode === 'qty' && ctx !== null ? formatQty(ctx.defaultQty) : '0'}
              data-testid="ticket-size"
              onChange={(e) => edit({ size: e.target.value })}
            />
          </span>
        </label>
        <p className="field-hint num muted" data-testid="ticket-qty">
          {qty === null ? '' : `${formatQty(qty)} ${series?.symbol ?? ''}`}
        </p>
        <FieldNote field="qty" error={error} problem={problem} />
        <div className="field-row">
          <label className="field">
            <span className="field-label">Type</span>
            <select className="input" value={draft.type} data-testid="ticket-type" onChange={(e) => isType(e.target.value) && edit({ type: e.target.value })}>
              {ORDER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {typeLabel(t)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-tif">
            <span className="field-label">TIF</span>
            <select className="input" value={draft.tif} data-testid="ticket-tif" onChange={(e) => isTif(e.target.value) && edit({ tif: e.target.value })}>
              {TIME_IN_FORCE.map((t) => (
                <option key={t} value={t}>
                  {t.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FieldNote field="tif" error={error} problem={problem} />
        {needsStop && (
          <div className="field">
            <span className="field-label">Stop</span>
            <PriceStepper label="Stop price" value={draft.stopPrice} tickSize={tick} start={start} testId="ticket-stop-price" onChange={(stopPrice) => edit({ stopPrice })} />
          </div>
        )}
        <FieldNote field="stopPrice" error={error} problem={problem} />
        {needsLimit && (
          <div className="field">
            <span className="field-label">Limit</span>
            <PriceStepper label="Limit price" value={draft.limitPrice} tickSize={tick} start={start} testId="ticket-limit-price" onChange={(limitPrice) => edit({ limitPrice })} />
          </div>
        )}
        <FieldNote field="limitPrice" error={error} problem={problem} />
        <div className="field">
          <span className="field-label">Take-profit</span>
          <ExitField leg="takeProfit" draft={draft.takeProfit} resolved={price(preview?.exits?.takeProfit ?? null)} onChange={(p) => ticket.getState().editExit('takeProfit', p)} />
        </div>
        <FieldNote field="takeProfit" error={error} problem={problem} />
        <div className="field">
          <span className="field-label">Stop-loss</span>
          <ExitField leg="stopLoss" draft={draft.stopLoss} resolved={price(preview?.exits?.stopLoss ?? null)} onChange={(p) => ticket.getState().editExit('stopLoss', p)} />
        </div>
        <FieldNote field="stopLoss" error={error} problem={problem} />
        <TicketPreviewBox exits={preview?.exits ?? null} notional={preview?.notional ?? null} currency={ctx?.instrument.currency ?? ''} />
        {gateShown && (
          <label className="check-field gate-override" data-testid="ticket-override-gate-field">
            <input type="checkbox" checked={draft.overrideDataGate} data-testid="ticket-override-gate" onChange={(e) => edit({ overrideDataGate: e.target.checked })} />
            <span>Override the data gate for this order</span>
          </label>
        )}
        <FieldNote field="overrideDataGate" error={error} problem={null} />
        <div className="ticket-options">
          <label className="check-field">
            <input type="checkbox" checked={confirm} data-testid="ticket-confirm-toggle" onChange={(e) => void saveTicketSettings(stores.settings, (t) => ({ ...t, confirm: e.target.checked }))} />
            <span>Confirm orders</span>
          </label>
          <button type="button" className="link-button" title="New tickets, one-click orders and hotkeys start from these exits (and this quantity)" onClick={() => void saveDraftAsDefaults(stores.settings, draft, ctx?.instrument.assetClass ?? null)}>
            Save as defaults
          </button>
        </div>
        <button type="submit" className={buy ? 'button ticket-submit side-buy is-on' : 'button ticket-submit side-sell is-on'} disabled={sending || series === null} data-testid="ticket-submit">
          {sending ? 'Sending…' : `${buy ? 'Buy' : 'Sell'} ${qty === null ? '' : formatQty(qty)} ${series?.symbol ?? ''}`}
        </button>
        {general !== null && <ErrorNote error={general} onDismiss={() => ticket.getState().dismissError()} testId="ticket-error" />}
        {lastOrder !== null && general === null && (
          <p className="ticket-last num muted" data-testid="ticket-last">
            {lastOrder.side} {formatQty(lastOrder.qty)} {lastOrder.symbol} {typeLabel(lastOrder.type)}: {lastOrder.status}
          </p>
        )}
      </form>
    </Panel>
  );
}
