import type { FeedStatus } from '../../../shared/domain/feed';
import type { RiskSettings } from '../../../shared/trading/account';
import type { Order, OrderType, Side } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';
import type { Quote } from '../../../shared/trading/quote';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';

/** The rules, in the order they are checked (the first that says no is the reason shown). */
export const RISK_RULES = ['kill_switch', 'trading_hours', 'data_gate', 'max_daily_loss', 'max_orders_per_minute', 'max_order_notional', 'max_position', 'max_open_positions'] as const;
export type RiskRule = (typeof RISK_RULES)[number];

/**
 * What an order does to its position: an entry opens or adds (or flips), an
 * exit only reduces, a flatten closes at market (the kill switch,
 * positions.flatten) and passes every rule — it is the way out.
 */
export type RiskIntent = 'entry' | 'exit' | 'flatten';

/** What the rules read of an order (an OrderRequest fits). */
export interface RiskOrder {
  readonly source: string;
  readonly symbol: string;
  readonly side: Side;
  readonly qty: number;
  readonly type: OrderType;
  readonly limitPrice?: number | null;
  readonly stopPrice?: number | null;
  readonly overrideDataGate?: boolean;
}

/** The symbol's market now: its feed's health and its last quote (whose time is the last price's time). */
export interface MarketState {
  readonly feedStatus: FeedStatus | null;
  readonly quote: Pick<Quote, 'bid' | 'ask' | 'last' | 'time'> | null;
}

/**
 * Everything the rules decide on, handed in (the rules read no clock, store
 * or feed): the order, its instrument, the account's limits and currency,
 * `now` (the market clock in replay), the account's positions and live
 * orders, the session's P&L so far (realised + unrealised), the times the
 * account's recent orders were sent, the symbol's market, the kill switch.
 */
export interface RiskContext {
  readonly order: RiskOrder;
  /** Default: from the order and the symbol's position (orderIntent). */
  readonly intent?: RiskIntent;
  readonly instrument: TradedInstrument;
  readonly settings: RiskSettings;
  readonly currency: string;
  readonly now: number;
  readonly positions: readonly Position[];
  readonly workingOrders: readonly Order[];
  /** Orders the rules passed that the broker has not committed yet (it commits a turn's places together): counted as working entries. */
  readonly acceptedOrders: readonly RiskOrder[];
  readonly session: { readonly realizedPnl: number; readonly unrealizedPnl: number };
  readonly recentOrderTimes: readonly number[];
  readonly market: MarketState;
  readonly killSwitchEngaged: boolean;
}

/** A rule's no: which rule, the field to mark on the ticket ("" for none), and the plain reason. */
export interface RiskRefusal {
  readonly rule: RiskRule;
  readonly field: string;
  readonly message: string;
}

export type RiskDecision = { readonly ok: true; readonly intent: RiskIntent } | ({ readonly ok: false; readonly intent: RiskIntent } & RiskRefusal);
