import { sessionsBetween } from '../../../shared/market/sessions';
import type { MarketKind } from '../../../shared/market/market-kind';
import type { AssetClass } from '../../../shared/trading/traded-instrument';

const WEEK_MS = 8 * 24 * 60 * 60 * 1000;

/** The market whose sessions an asset class keeps (US options keep the equity session). */
export function marketOf(assetClass: AssetClass): MarketKind {
  switch (assetClass) {
    case 'crypto':
      return 'crypto';
    case 'fx':
      return 'fx';
    case 'equity':
    case 'option':
      return 'us-equity';
  }
}

/**
 * When a day order placed at `now` expires: the close of the session it is
 * placed in, or of the next session when placed while the market is closed
 * (a day order sent after hours works the next day, as at Alpaca). Crypto's
 * "day" is the UTC day; FX's the trading day ending 17:00 New York.
 */
export function dayOrderExpiry(assetClass: AssetClass, now: number): number | null {
  const next = sessionsBetween(marketOf(assetClass), now, now + WEEK_MS).find((s) => s.close > now);
  return next?.close ?? null;
}
