import type { SourceId } from '../../../shared/domain/source';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { Execution } from '../../../shared/trading/execution';
import type { FieldError } from '../../../shared/trading/field-error';
import type { OcoRequest } from '../../../shared/trading/oco-request';
import type { Order, OrderRequest } from '../../../shared/trading/order';
import type { Position } from '../../../shared/trading/position';
import type { TradedInstrument } from '../../../shared/trading/traded-instrument';

export type BrokerReply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Changes to a working order (a line dragged on the chart). */
export interface OrderChange {
  readonly qty?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

export interface FlattenScope {
  readonly source?: SourceId;
  readonly symbol?: SymbolId;
}

export interface FlattenOutcome {
  /** The market orders closing the positions. */
  readonly orders: readonly Order[];
  readonly canceled: number;
  readonly flattened: number;
}

/** An option held past its expiry instant, to be closed at its intrinsic value (the expiry settler works it out). */
export interface ExpirySettlement {
  readonly source: SourceId;
  readonly symbol: SymbolId;
  /** Per unit: the intrinsic value at the underlying's price at the expiry instant, rounded to the cent. */
  readonly price: number;
  readonly underlyingPrice: number;
  /** The expiry instant (16:00 New York on the expiry date). */
  readonly expiresAt: number;
  /** The audit log's line about it. */
  readonly note: string;
}

/** A broker's connection: the local paper broker is always LIVE; Alpaca's is OFFLINE without keys (or with refused ones), DEGRADED while its stream is down. */
export interface BrokerStatus {
  readonly state: 'LIVE' | 'DEGRADED' | 'OFFLINE';
  readonly reason: string | null;
}

/** The account's money as the broker itself reports it (Alpaca's account); the paper broker's comes from its fills. */
export interface BrokerFunds {
  readonly cash: number;
  readonly buyingPower: number;
  readonly equity: number;
}

/**
 * One account at one broker (the local paper broker, Alpaca's paper
 * account). Requests come checked by the risk manager; the broker persists
 * every change through the trading ledger before it acts on it and tells
 * followers through the trading events. A refusal names the field.
 */
export interface Broker {
  readonly kind: Order['broker'];
  readonly accountId: string;
  /** Orders live now: working ones and exits held until their entry fills. */
  liveOrders(): readonly Order[];
  /** Positions of the account's current epoch, flat ones included (their realised P&L and fees are in cash). */
  positions(): readonly Position[];
  place(request: OrderRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>>;
  placeOco(request: OcoRequest, instrument: TradedInstrument): Promise<BrokerReply<readonly Order[]>>;
  /** Cancels a live order with its group; the orders that changed. */
  cancel(orderId: string): Promise<BrokerReply<readonly Order[]>>;
  replace(orderId: string, change: OrderChange): Promise<BrokerReply<Order>>;
  /** Cancels the scope's live orders and closes its positions at market (no scope: everything — the kill switch). */
  flatten(scope: FlattenScope): Promise<BrokerReply<FlattenOutcome>>;
  /**
   * Closes an expired option position at its intrinsic value (one fill, no
   * order, no fee; its live orders canceled). Only a broker that does not
   * settle expiries itself has it (the local paper broker; Alpaca reports its own).
   */
  settleExpired?(settlement: ExpirySettlement): Promise<BrokerReply<Execution | null>>;
  /** Its connection (a broker without one is always LIVE). */
  status?(): BrokerStatus;
  /** The money the broker reports, or null while it has not said (a broker without it: cash from the fills). */
  funds?(): BrokerFunds | null;
  /** Stops timers and market subscriptions; the store keeps everything. */
  close(): void;
}
