import { parseChecksum } from './vision-checksum';
import { visionFile, type VisionFile } from './vision-file';
import { fetchBytes, VisionHttpError } from './vision-http';
import type { VisionFileOutcome } from './vision-outcome';
import type { VisionPeriod } from './vision-period';
import { VisionZipError } from './vision-zip';
import { storeVisionZip, VisionFileRefused, VISION_SOURCE, visionSeriesKey, type VisionStoreContext } from './vision-zip-ingest';

const MAX_CHECKSUM_BYTES = 4096;
/** A month of 1m klines is 2-4 MB zipped; anything near this is not a kline file. */
const MAX_ZIP_BYTES = 64 * 1024 * 1024;

export interface VisionIngestOptions {
  /** e.g. https://data.binance.vision (tests: a fake on 127.0.0.1). */
  readonly baseUrl: string;
  readonly symbol: string;
  readonly periods: readonly VisionPeriod[];
  /** Stops between files (and aborts the download in flight, which is then left out of the outcomes). */
  readonly signal?: AbortSignal;
  /** Called as each file is done, for progress. */
  readonly onFile?: (outcome: VisionFileOutcome) => void;
}

function alreadyStored(ctx: VisionStoreContext, file: VisionFile, sha256: string): number | null {
  const rec = ctx.files.find(VISION_SOURCE, file.name);
  if (rec?.sha256 !== sha256) return null;
  // The record alone is not enough: the bars it vouches for must still be there.
  const stored = ctx.bars.range(visionSeriesKey(file.symbol), file.period.start, file.period.end).length;
  return stored >= rec.bars ? rec.bars : null;
}

/** One file: CHECKSUM, skip if done, else download, verify and store. */
export async function ingestVisionFile(ctx: VisionStoreContext, file: VisionFile, signal?: AbortSignal): Promise<VisionFileOutcome> {
  const base = { file: file.name };
  try {
    const checksumText = await fetchBytes(file.checksumUrl, MAX_CHECKSUM_BYTES, signal);
    if (checksumText === null) return { ...base, status: 'missing', url: file.checksumUrl };
    const checksum = parseChecksum(checksumText.toString('utf8'), file.name);
    if ('error' in checksum) return { ...base, status: 'failed', reason: checksum.error };
    const bars = alreadyStored(ctx, file, checksum.sha256);
    if (bars !== null) return { ...base, status: 'already-ingested', bars };
    const zip = await fetchBytes(file.zipUrl, MAX_ZIP_BYTES, signal);
    if (zip === null) return { ...base, status: 'missing', url: file.zipUrl };
    return { ...base, status: 'ingested', report: await storeVisionZip(ctx, file, zip, checksum.sha256) };
  } catch (err) {
    if (err instanceof VisionHttpError || err instanceof VisionFileRefused || err instanceof VisionZipError) {
      return { ...base, status: 'failed', reason: err.message };
    }
    throw err;
  }
}

/**
 * Ingests the 1m kline files of `symbol` for each period, one after another.
 * A missing or refused file is reported and the rest continue.
 */
export async function ingestVision(ctx: VisionStoreContext, opts: VisionIngestOptions): Promise<VisionFileOutcome[]> {
  const outcomes: VisionFileOutcome[] = [];
  const stopped = (): boolean => opts.signal?.aborted === true;
  for (const period of opts.periods) {
    if (stopped()) break;
    const outcome = await ingestVisionFile(ctx, visionFile(opts.baseUrl, opts.symbol, period), opts.signal);
    // A download aborted by the stop is not a failed file: it was not tried to the end.
    if (stopped() && outcome.status === 'failed') break;
    outcomes.push(outcome);
    opts.onFile?.(outcome);
  }
  return outcomes;
}
