import type { BacktestTrade } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { formatPrice, pricePrecision } from '../format/price-precision';
import { formatNumber, formatShortUtc, formatSigned, formatSize } from './number-format';

/** One line of the trade list, formatted. */
export interface TradeRow {
  readonly index: number;
  readonly entryTime: string;
  readonly exitTime: string;
  readonly side: 'Long' | 'Short';
  readonly size: string;
  readonly entryPrice: string;
  readonly exitPrice: string;
  readonly pnl: string;
  readonly returnPct: string;
  readonly barsHeld: string;
  readonly commission: string;
  readonly setup: string;
  readonly entryReason: string;
  readonly exitReason: string;
  /** Good for a winner, bad for a loser, none for a scratch. */
  readonly tone: Tone | undefined;
}

/** Decimal places for a run's prices: guessed from its first entry price (the run carries no tick size). */
export function tradePricePrecision(trades: readonly BacktestTrade[]): number {
  return pricePrecision(null, trades[0]?.entryPrice ?? null);
}

export function tradeRows(trades: readonly BacktestTrade[]): TradeRow[] {
  const precision = tradePricePrecision(trades);
  return trades.map((t, index) => ({
    index,
    entryTime: formatShortUtc(t.entryTime),
    exitTime: formatShortUtc(t.exitTime),
    side: t.side === 'long' ? 'Long' : 'Short',
    size: formatSize(t.size),
    entryPrice: formatPrice(t.entryPrice, precision),
    exitPrice: formatPrice(t.exitPrice, precision),
    pnl: formatSigned(t.pnl, 2),
    returnPct: `${formatSigned(t.returnPct, 2)}%`,
    barsHeld: formatNumber(t.barsHeld, 0),
    commission: formatNumber(t.commission, 2),
    setup: t.setup,
    entryReason: t.entryReason,
    exitReason: t.exitReason,
    tone: t.pnl > 0 ? 'good' : t.pnl < 0 ? 'bad' : undefined,
  }));
}
