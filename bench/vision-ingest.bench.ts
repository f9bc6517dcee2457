/**
 * One month of Binance Vision 1m klines (January 2024: 44,640 rows, ~2 MB
 * deflated ZIP built once in memory) through the ingest path: SHA-256 check,
 * unzip, CSV parse and row checks, 'fill' upsert into a fresh SQLite file,
 * the file's record and the gap scan. No HTTP. Target <= 1 s per month.
 */
import { MINUTE_MS } from '../shared/domain/interval';
import { IngestedFiles, parseMonth, storeVisionZip, visionFile, type VisionPeriod } from '../src-main/market-data/feeds/binance/vision';
import { buildZip, sha256Hex } from '../test/integration/binance/vision/fake-vision';
import { randomWalkBars } from './support/bar-data';
import { fmt, fmtInt, median, msSince } from './support/stats';
import { progress, report } from './support/result';
import { tempStore } from './support/temp-store';

const WARMUP = 1;
const RUNS = 7;
const TARGET_MS = 1000;

const parsed = parseMonth('2024-01');
if (typeof parsed === 'string') throw new Error(parsed);
const month: VisionPeriod = parsed;
const ROWS = (month.end - month.start) / MINUTE_MS;
const file = visionFile('http://127.0.0.1', 'BTCUSDT', month);
const buildStart = process.hrtime.bigint();

/** Seeded random-walk bars as spot kline rows (8-decimal strings, ms times), so the ZIP compresses like a real one. */
function klineRows(): string {
  const c = randomWalkBars(ROWS, month.start, MINUTE_MS, 7);
  const d = (x: number | undefined): string => (x ?? 0).toFixed(8);
  const rows: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const t = c.time[i] ?? 0;
    const quote = (c.volume[i] ?? 0) * (c.close[i] ?? 0);
    rows.push([String(t), d(c.open[i]), d(c.high[i]), d(c.low[i]), d(c.close[i]), d(c.volume[i]), String(t + 59_999), d(quote), String(c.trades[i]), d((c.volume[i] ?? 0) / 2), d(quote / 2), '0'].join(','));
  }
  return `${rows.join('\n')}\n`;
}
const zip = buildZip([{ name: 'BTCUSDT-1m-2024-01.csv', data: klineRows() }]);
const sha256 = sha256Hex(zip);
progress(`built a ${fmt(zip.length / 1024 / 1024, 2)} MB ZIP of ${fmtInt(ROWS)} rows in ${fmt(msSince(buildStart), 0)} ms`);

async function once(): Promise<{ ms: number; inserted: number }> {
  const t = tempStore('tapedeck-bench-vision-');
  try {
    const ctx = { db: t.db, bars: t.store, files: new IngestedFiles(t.db), now: () => 0 };
    const start = process.hrtime.bigint();
    const r = await storeVisionZip(ctx, file, zip, sha256);
    return { ms: msSince(start), inserted: r.inserted };
  } finally {
    t.remove();
  }
}

for (let i = 0; i < WARMUP; i++) await once();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await once();
  if (r.inserted !== ROWS) throw new Error(`expected ${String(ROWS)} inserted, got ${String(r.inserted)}`);
  times.push(r.ms);
  progress(`run ${String(i + 1)}/${String(RUNS)}: ${fmt(r.ms, 0)} ms`);
}
const ms = median(times);
report({
  name: 'vision-ingest',
  what: `storeVisionZip: one month of Binance Vision 1m klines (${fmtInt(ROWS)} rows, ${fmt(zip.length / 1024 / 1024, 2)} MB ZIP in memory): SHA-256, unzip (yauzl), parse + row checks, 'fill' upsert into a fresh SQLite file`,
  measured: `${fmt(ms, 0)} ms/month`,
  target: `<= ${fmtInt(TARGET_MS)} ms/month`,
  pass: ms <= TARGET_MS,
  notes: `median of ${String(RUNS)} runs after ${String(WARMUP)} warm-up; runs ${fmt(Math.min(...times), 0)}–${fmt(Math.max(...times), 0)} ms; ${fmtInt(ROWS / (ms / 1000))} rows/s; new temp store per run, download not included`,
});
