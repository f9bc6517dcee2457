import type { ContractError } from '../../shared/contract';
import type { FieldError } from '../../shared/trading/field-error';
import type { OrderRequest, Side } from '../../shared/trading/order';
import type { TapedeckClient } from '../api/tapedeck-client';
import type { TicketDraft } from '../ticket/ticket-draft';
import { ticketRequest, type TicketContext } from '../ticket/ticket-math';
import { ticketSettingsOf, type OrderOrigin, type PendingOrder, type TicketStore } from '../ticket/ticket-store';
import { accountMoney } from './account-equity';
import { activeAccount, type AccountsStore } from './accounts-store';
import { activeSeries, tradedInstrumentOf, type Series } from './instrument-lookup';
import { describeRequest } from './order-text';
import { sendOrder } from './order-sender';
import { positionsOf, type PositionsStore } from './positions-store';
import type { QuoteBook } from './quote-book';
import { instrumentKey } from './quote-key';
import type { TradingInputs } from './trading-inputs';

/** New orders from the ticket, one-click buttons and hotkeys: built from the ticket, confirmed when asked, sent once. */
export interface OrderEntry {
  /** The ticket's Buy/Sell button, for the series the ticket shows. */
  submitTicket(series: Series | null): void;
  /** One click (chart, watchlist): a market order at the default size with the ticket's exits. */
  quickOrder(side: Side, series: Series, origin: 'chart' | 'watchlist'): void;
  /** Shift+B / Shift+S on the active pane's symbol: the ticket as it is when it shows that symbol, else one click. */
  hotkeyOrder(side: Side): void;
  confirmPending(): void;
  cancelPending(): void;
  /** The ticket's context for `series` (instrument, quote, account), or why there is none. */
  contextFor(series: Series): { readonly ok: true; readonly value: TicketContext } | ({ readonly ok: false } & FieldError);
}

export interface OrderEntryParts {
  readonly client: Pick<TapedeckClient, 'call'>;
  readonly inputs: TradingInputs;
  readonly accounts: AccountsStore;
  readonly positions: PositionsStore;
  readonly quotes: QuoteBook;
  readonly ticket: TicketStore;
  readonly clientOrderId: () => string;
}

const asError = (e: FieldError): ContractError => ({ code: 'BAD_REQUEST', message: e.message, path: e.field === '' ? '' : `params.${e.field}` });

export function createOrderEntry(parts: OrderEntryParts): OrderEntry {
  const { client, inputs, accounts, positions, quotes, ticket } = parts;
  const note = (text: string, origin: OrderOrigin): void => {
    if (origin !== 'ticket') inputs.hotkeys.getState().showNote(text);
  };

  const contextFor: OrderEntry['contextFor'] = (series) => {
    const account = activeAccount(accounts.getState());
    if (account === null) return { ok: false, field: '', message: 'no paper account yet (the core has not sent its accounts)' };
    const instrument = tradedInstrumentOf(inputs, series);
    if (instrument === null) return { ok: false, field: 'symbol', message: `no feed lists ${series.symbol} on ${series.source}` };
    const book = quotes.getState().quotes;
    const money = accountMoney(account.cash, positionsOf(positions.getState().byAccount, account.id), book);
    const defaults = ticketSettingsOf(inputs.settings).defaultQty;
    return {
      ok: true,
      value: {
        accountId: account.id,
        instrument,
        quote: book[instrumentKey(series.source, series.symbol)] ?? null,
        fees: account.fees,
        buyingPower: money.equity,
        defaultQty: defaults[instrument.assetClass],
      },
    };
  };

  const dispatch = async (pending: PendingOrder): Promise<void> => {
    ticket.getState().sendStarted();
    const result = await sendOrder(client, pending.request, parts.clientOrderId());
    if (result.ok) {
      ticket.getState().sendEnded({ order: result.order }, pending.origin);
      note(`Sent: ${pending.summary}`, pending.origin);
    } else {
      ticket.getState().sendEnded({ error: result.error }, pending.origin);
      note(`Refused: ${result.error.message}`, pending.origin);
    }
  };

  const place = (draft: TicketDraft, series: Series | null, origin: OrderOrigin): void => {
    const refuse = (e: FieldError): void => {
      ticket.getState().sendEnded({ error: asError(e) }, origin);
      note(`Not sent: ${e.message}`, origin);
    };
    if (series === null) {
      refuse({ field: 'symbol', message: 'no symbol to trade: chart one or type it on the ticket' });
      return;
    }
    const ctx = contextFor(series);
    if (!ctx.ok) {
      refuse(ctx);
      return;
    }
    const built = ticketRequest(draft, ctx.value);
    if (!built.ok) {
      refuse(built);
      return;
    }
    const request: OrderRequest = built.value;
    const pending: PendingOrder = { request, summary: describeRequest(request, ctx.value.instrument.tickSize), origin };
    if (ticketSettingsOf(inputs.settings).confirm) {
      ticket.getState().setPending(pending);
      return;
    }
    void dispatch(pending);
  };

  const oneClickDraft = (side: Side): TicketDraft => {
    const d = ticket.getState().draft;
    return { ...d, side, sizeMode: 'qty', size: '', type: 'market', limitPrice: '', stopPrice: '', tif: d.tif === 'ioc' ? 'gtc' : d.tif };
  };

  return {
    contextFor,
    submitTicket: (series) => {
      place(ticket.getState().draft, series, 'ticket');
    },
    quickOrder: (side, series, origin) => {
      place(oneClickDraft(side), series, origin);
    },
    hotkeyOrder: (side) => {
      const series = activeSeries(inputs);
      const draft = ticket.getState().draft;
      const sameSymbol = draft.symbol === null || draft.symbol === series?.symbol;
      place(sameSymbol ? { ...draft, side } : oneClickDraft(side), series, 'hotkey');
    },
    confirmPending: () => {
      const pending = ticket.getState().pending;
      if (pending !== null) void dispatch(pending);
    },
    cancelPending: () => {
      ticket.getState().setPending(null);
    },
  };
}
