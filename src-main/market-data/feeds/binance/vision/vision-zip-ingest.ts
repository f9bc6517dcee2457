import { createHash } from 'node:crypto';
import { sliceColumns } from '../../../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../../../shared/domain/interval';
import { findGaps, type Gap } from '../../../../../shared/market/gaps';
import type { BarStore, Db, SeriesKey } from '../../../../platform/store';
import type { IngestedFiles } from './ingested-files';
import { readVisionCsv, type RejectedRow } from './vision-csv';
import { VISION_INTERVAL, type VisionFile } from './vision-file';
import { openSingleCsv } from './vision-zip';

/** Vision bars are the same truth the live Binance feed writes: one series per symbol. */
export const VISION_SOURCE = 'binance';

const BATCH = 10_080; // a week of minutes per upsert transaction

export interface VisionStoreContext {
  readonly db: Db;
  readonly bars: BarStore;
  readonly files: IngestedFiles;
  readonly now: () => number;
}

/** What one file gave the store. */
export interface StoredFileReport {
  readonly rows: number;
  readonly inserted: number;
  /** Stored forming bars that the file's final ones replaced. */
  readonly updated: number;
  /** Rows already stored, or repeated in the file: skipped. */
  readonly duplicates: number;
  /** Minutes of the file's period with no bar (crypto trades 24/7), and their runs. */
  readonly missingMinutes: number;
  readonly gaps: readonly Gap[];
  readonly rejected: readonly RejectedRow[];
}

/** The ZIP is not the file its CHECKSUM describes, or holds no usable row: nothing of it is stored. */
export class VisionFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisionFileRefused';
  }
}

export function visionSeriesKey(symbol: string): SeriesKey {
  return { source: VISION_SOURCE, symbol, interval: VISION_INTERVAL };
}

/**
 * Verifies `zip` against `sha256`, then reads its CSV and stores the bars
 * (`fill`: bars already stored are kept) and the file's record in one
 * transaction, so a file is either wholly stored and recorded or not at all.
 */
export async function storeVisionZip(ctx: VisionStoreContext, file: VisionFile, zip: Buffer, sha256: string): Promise<StoredFileReport> {
  const actual = createHash('sha256').update(zip).digest('hex');
  if (actual !== sha256) {
    throw new VisionFileRefused(`${file.name}: SHA-256 ${actual} does not match its CHECKSUM (${sha256}); refused, nothing stored`);
  }
  const { stream } = await openSingleCsv(zip, file.name);
  const csv = await readVisionCsv(stream, file.period);
  if (csv.bars.length === 0) {
    const first = csv.rejected[0];
    const why = first === undefined ? 'it has no rows' : `line ${String(first.line)}: ${first.reason}`;
    throw new VisionFileRefused(`${file.name}: none of its ${String(csv.rows)} rows is a usable kline row (${why}); nothing stored`);
  }
  const key = visionSeriesKey(file.symbol);
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  ctx.db.transaction(() => {
    for (let i = 0; i < csv.bars.length; i += BATCH) {
      const c = ctx.bars.upsert(key, 'crypto', sliceColumns(csv.bars, i, i + BATCH), 'fill');
      counts.inserted += c.inserted;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
    }
    ctx.files.record({
      source: VISION_SOURCE,
      fileName: file.name,
      sha256,
      symbol: file.symbol,
      periodStart: file.period.start,
      periodEnd: file.period.end,
      bars: csv.bars.length,
      ingestedAt: ctx.now(),
    });
  }).immediate();
  const gaps = findGaps('crypto', csv.bars.time, file.period.start, file.period.end, MINUTE_MS);
  return {
    rows: csv.rows,
    inserted: counts.inserted,
    updated: counts.updated,
    duplicates: counts.unchanged + csv.repeated,
    missingMinutes: gaps.reduce((n, g) => n + (g.to - g.from) / MINUTE_MS, 0),
    gaps,
    rejected: csv.rejected,
  };
}
