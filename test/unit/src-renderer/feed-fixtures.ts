import type { AppHealth, FeedHealth, FeedInfo } from '../../../shared/contract';
import type { EpochMs } from '../../../shared/domain/epoch';
import type { FeedId, FeedStatus } from '../../../shared/domain/feed';
import type { Instrument } from '../../../shared/domain/instrument';
import type { SymbolId } from '../../../shared/domain/symbol';
import type { MarketKind } from '../../../shared/market/market-kind';

export const sym = (s: string): SymbolId => s as SymbolId;

const NAMES: Record<FeedId, string> = { sim: 'Simulated market', binance: 'Binance', alpaca: 'Alpaca', replay: 'Replay' };

export function instrument(source: FeedId, symbol: string, market: MarketKind, description: string, tickSize = 0.01): Instrument {
  return { source, symbol: sym(symbol), market, description, tickSize, lotSize: 1, baseInterval: '1m' };
}

/** A feed listing `instruments`; `sim` and `replay` are simulated. */
export function feedInfo(id: FeedId, instruments: readonly Instrument[]): FeedInfo {
  return { id, name: NAMES[id], simulated: id === 'sim', instruments: [...instruments] };
}

/** Binance (BTCUSDT, ETHUSDT) and the sim (BTCUSDT, SPY) as `feeds.list` returns them. */
export const FEEDS: readonly FeedInfo[] = [
  feedInfo('sim', [
    instrument('sim', 'BTCUSDT', 'crypto', 'Bitcoin / Tether (simulated)'),
    instrument('sim', 'SPY', 'us-equity', 'SPDR S&P 500 ETF (simulated)'),
  ]),
  feedInfo('binance', [instrument('binance', 'BTCUSDT', 'crypto', 'Bitcoin / Tether'), instrument('binance', 'ETHUSDT', 'crypto', 'Ether / Tether')]),
  feedInfo('replay', [instrument('replay', 'BTCUSDT', 'crypto', 'Bitcoin / Tether (replay)')]),
];

export function feedHealth(id: FeedId, status: FeedStatus, lastMessageAgeMs: number | null = 100): FeedHealth {
  return { id, name: NAMES[id], status, simulated: id === 'sim', lastMessageAgeMs, gapsDetected: 0 };
}

/** An `app.health` snapshot with the given feed statuses. */
export function appHealth(statuses: Partial<Record<FeedId, FeedStatus>>, status: AppHealth['status'] = 'OK'): AppHealth {
  const feeds = Object.entries(statuses).map(([id, s]) => feedHealth(id as FeedId, s));
  return {
    status,
    checkedAt: 1_700_000_000_000 as EpochMs,
    uptimeMs: 1_000,
    store: { ok: true, schemaVersion: 1, journalMode: 'wal', error: null },
    feeds,
    clients: 1,
  };
}
