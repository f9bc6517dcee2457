import type { VisionPeriod } from './vision-period';

/** Tapedeck stores 1m truth, so 1m is the only kline interval it ingests. */
export const VISION_INTERVAL = '1m';

/** One published kline file: where it lives and what it should hold. */
export interface VisionFile {
  readonly symbol: string;
  readonly period: VisionPeriod;
  /** e.g. BTCUSDT-1m-2024-01.zip, as the CHECKSUM line names it. */
  readonly name: string;
  readonly zipUrl: string;
  readonly checksumUrl: string;
}

/**
 * The spot kline file of `symbol` for `period` (PROTOCOLS.md "Binance Vision"):
 * `<base>/data/spot/<monthly|daily>/klines/<SYMBOL>/1m/<SYMBOL>-1m-<period>.zip`,
 * its checksum at the same URL + `.CHECKSUM`.
 */
export function visionFile(baseUrl: string, symbol: string, period: VisionPeriod): VisionFile {
  const name = `${symbol}-${VISION_INTERVAL}-${period.label}.zip`;
  const zipUrl = `${baseUrl.replace(/\/+$/, '')}/data/spot/${period.kind}/klines/${symbol}/${VISION_INTERVAL}/${name}`;
  return { symbol, period, name, zipUrl, checksumUrl: `${zipUrl}.CHECKSUM` };
}
