import type { TapedeckClient } from '../api/tapedeck-client';
import { createTicketStore, type TicketStore } from '../ticket/ticket-store';
import { createAccountsStore, type AccountsStore } from './accounts-store';
import { createAuditStore, type AuditStore } from './audit-store';
import { startOptionChartMarks } from '../options/option-chart-marks';
import { startChartTrading } from './chart-trading';
import { clientOrderIdMaker } from './client-order-id';
import { createFillsStore, type FillsStore } from './fills-store';
import { createOrderChanges, type OrderChanges } from './order-changes';
import { createOrderEntry, type OrderEntry } from './order-entry';
import { createOrdersStore, type OrdersStore } from './orders-store';
import { followPositionQuotes } from './position-quotes';
import { createPositionsStore, type PositionsStore } from './positions-store';
import { createQuoteBook, type QuoteBook } from './quote-book';
import type { TradingInputs } from './trading-inputs';

/** Paper trading in one window: its stores (accounts, orders, positions, fills, quotes, audit log, ticket) and its actions. */
export interface TradingStores {
  readonly accounts: AccountsStore;
  readonly orders: OrdersStore;
  readonly positions: PositionsStore;
  readonly fills: FillsStore;
  readonly quotes: QuoteBook;
  /** Started by the Log tab while it is open. */
  readonly audit: AuditStore;
  readonly ticket: TicketStore;
  readonly entry: OrderEntry;
  readonly changes: OrderChanges;
  /** Starts the live subscriptions; returns the function that stops them. */
  start(): () => void;
}

export function createTradingStores(client: TapedeckClient, inputs: TradingInputs): TradingStores {
  const accounts = createAccountsStore(client);
  const orders = createOrdersStore(client);
  const positions = createPositionsStore(client);
  const fills = createFillsStore(client, accounts);
  const quotes = createQuoteBook(client);
  const ticket = createTicketStore(inputs.settings);
  const entry = createOrderEntry({ client, inputs, accounts, positions, quotes, ticket, clientOrderId: clientOrderIdMaker() });
  const changes = createOrderChanges({ client, inputs, accounts, orders });
  return {
    accounts,
    orders,
    positions,
    fills,
    quotes,
    audit: createAuditStore(client),
    ticket,
    entry,
    changes,
    start: () => {
      const stops = [
        accounts.getState().start(),
        orders.getState().start(),
        positions.getState().start(),
        fills.getState().start(),
        ticket.getState().start(),
        followPositionQuotes(accounts, positions, orders, quotes),
        startChartTrading({ inputs, accounts, orders, positions, fills, changes }),
        startOptionChartMarks({ accounts, positions }),
      ];
      return () => {
        for (const stop of stops.reverse()) stop();
      };
    },
  };
}
