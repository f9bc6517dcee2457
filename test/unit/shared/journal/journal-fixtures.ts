import { executionSchema, type Execution } from '../../../../shared/trading/execution';
import type { RoundTrip } from '../../../../shared/journal/round-trips';

/** 2024-03-11 (a Monday, New York on daylight time since the 10th) 13:30 UTC = 09:30 New York. */
export const OPEN_0311 = Date.UTC(2024, 2, 11, 13, 30);
export const MIN = 60_000;

export interface Fill {
  readonly id: string;
  readonly side: 'buy' | 'sell';
  readonly qty: number;
  readonly price: number;
  /** Minutes after OPEN_0311. */
  readonly at: number;
  readonly fee?: number;
  readonly accountId?: string;
  readonly symbol?: string;
  readonly multiplier?: number;
  readonly underlying?: string | null;
  readonly orderId?: string | null;
}

/** A paper execution through the schema (the boundary), AAPL in acc-1 unless told. */
export function fill(f: Fill): Execution {
  return executionSchema.parse({
    id: f.id,
    orderId: f.orderId ?? null,
    accountId: f.accountId ?? 'acc-1',
    source: 'sim',
    symbol: f.symbol ?? 'AAPL',
    side: f.side,
    qty: f.qty,
    price: f.price,
    fee: f.fee ?? 0,
    multiplier: f.multiplier ?? 1,
    underlying: f.underlying ?? null,
    underlyingPrice: null,
    time: OPEN_0311 + f.at * MIN,
    origin: 'paper',
  });
}

/** A closed trip with only what statistics read set meaningfully. */
export function closedTrip(t: { id: string; net: number; fees?: number; r?: number | null; openedAt: number; closedAt: number; symbol?: string; accountId?: string; underlying?: string | null }): RoundTrip {
  const fees = t.fees ?? 0;
  return {
    id: t.id,
    accountId: t.accountId ?? 'acc-1',
    source: 'sim',
    symbol: (t.symbol ?? 'AAPL') as RoundTrip['symbol'],
    underlying: (t.underlying ?? null) as RoundTrip['underlying'],
    side: 'long',
    open: false,
    maxQty: 1,
    entryQty: 1,
    exitQty: 1,
    openQty: 0,
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    avgEntry: 100,
    avgExit: 100,
    grossPnl: t.net + fees,
    fees,
    netPnl: t.net,
    multiplier: 1,
    durationMs: t.closedAt - t.openedAt,
    executionIds: [`${t.id}-e`],
    firstOrderId: null,
    risk: t.r === undefined || t.r === null ? null : 100,
    r: t.r ?? null,
  };
}
