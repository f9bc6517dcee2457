import type { Readable } from 'node:stream';
import { allocColumns, copyRow, type BarColumns } from '../../../../../shared/domain/bar-columns';
import { MINUTE_MS } from '../../../../../shared/domain/interval';
import { isKlineHeader, klineRowToBar } from './kline-row';
import type { VisionPeriod } from './vision-period';

export interface RejectedRow {
  /** 1-based line number in the CSV. */
  readonly line: number;
  readonly reason: string;
}

/** A kline CSV read and checked, not yet stored. */
export interface VisionCsv {
  /** One final bar per minute present, oldest first. */
  readonly bars: BarColumns;
  /** Data rows read (a header and blank lines are not rows). */
  readonly rows: number;
  /** Rows repeating a minute seen earlier in the file: skipped. */
  readonly repeated: number;
  readonly rejected: readonly RejectedRow[];
  readonly header: boolean;
}

/** Lines of a byte stream; stream errors (a bad inflate) reject the iteration. */
async function* lines(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest !== '') yield rest;
}

/**
 * Reads one Vision kline CSV (with or without the futures-style header) into
 * the minutes of `period`. Every row is checked on its own: a bad row, or one
 * outside the file's period, is refused with its line number and the rest are kept.
 */
export async function readVisionCsv(stream: Readable, period: VisionPeriod): Promise<VisionCsv> {
  const slots = (period.end - period.start) / MINUTE_MS;
  const byMinute = allocColumns(slots);
  const rejected: RejectedRow[] = [];
  let header = false;
  let lineNo = 0;
  let rows = 0;
  let repeated = 0;
  let kept = 0;
  for await (const raw of lines(stream)) {
    lineNo++;
    const line = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (line === '') continue;
    if (lineNo === 1 && isKlineHeader(line)) {
      header = true;
      continue;
    }
    rows++;
    const b = klineRowToBar(line.split(','));
    if (typeof b === 'string') {
      rejected.push({ line: lineNo, reason: b });
      continue;
    }
    if (b.time < period.start || b.time >= period.end) {
      rejected.push({ line: lineNo, reason: `open time ${new Date(b.time).toISOString()} is outside the file's period ${period.label}` });
      continue;
    }
    const slot = (b.time - period.start) / MINUTE_MS;
    if (byMinute.final[slot] === 1) {
      repeated++;
      continue;
    }
    byMinute.time[slot] = b.time;
    byMinute.open[slot] = b.open;
    byMinute.high[slot] = b.high;
    byMinute.low[slot] = b.low;
    byMinute.close[slot] = b.close;
    byMinute.volume[slot] = b.volume;
    byMinute.trades[slot] = b.trades;
    byMinute.final[slot] = 1;
    kept++;
  }
  const bars = allocColumns(kept);
  for (let slot = 0, k = 0; slot < slots; slot++) if (byMinute.final[slot] === 1) copyRow(bars, k++, byMinute, slot);
  return { bars, rows, repeated, rejected, header };
}
