import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { barsFromColumns } from '../../../../shared/domain/bar-columns';
import type { Bar } from '../../../../shared/domain/bar';
import { openStore } from '../../../../src-main/platform/app/open-store';
import {
  IngestedFiles,
  ingestVision,
  parseDay,
  parseMonth,
  periodsThrough,
  visionSeriesKey,
  type VisionFileOutcome,
  type VisionPeriod,
  type VisionStoreContext,
} from '../../../../src-main/market-data/feeds/binance/vision';
import { tempDir } from '../../../helpers/temp-dir';
import { buildZip, klineCsv, startFakeVision, visionPath, type FakeVision, type KlineCsvOptions } from './fake-vision';

const DAY = 1440;
const period = (label: string): VisionPeriod => {
  const p = label.length === 7 ? parseMonth(label) : parseDay(label);
  if (typeof p === 'string') throw new Error(p);
  return p;
};
const zipOf = (label: string, csv: string): Buffer => buildZip([{ name: `BTCUSDT-1m-${label}.csv`, data: csv }]);
const dayZip = (label: string, opts: KlineCsvOptions = {}): Buffer => zipOf(label, klineCsv(period(label).start, DAY, opts));

interface Harness {
  readonly ctx: VisionStoreContext;
  ingest(first: string, last?: string): Promise<VisionFileOutcome[]>;
  bars(label: string): Bar[];
  close(): void;
}

function harness(vision: FakeVision): Harness {
  const dir = tempDir();
  const store = openStore(dir.path);
  const ctx = { db: store.db, bars: store.bars, files: new IngestedFiles(store.db), now: () => 1_700_000_000_000 };
  return {
    ctx,
    ingest: (first, last = first) => ingestVision(ctx, { baseUrl: vision.baseUrl, symbol: 'BTCUSDT', periods: periodsThrough(period(first), period(last)) }),
    bars: (label) => barsFromColumns(store.bars.range(visionSeriesKey('BTCUSDT'), period(label).start, period(label).end)),
    close: () => {
      store.close();
      dir.remove();
    },
  };
}

describe('Binance Vision ingest against a fake Vision server', () => {
  let vision: FakeVision;
  let h: Harness;
  const others: Harness[] = [];
  beforeEach(async () => {
    vision = await startFakeVision();
    h = harness(vision);
  });
  afterEach(async () => {
    for (const x of [h, ...others.splice(0)]) x.close();
    await vision.close();
  });

  it('stores a daily file as 1m crypto bars and reports it', async () => {
    vision.publish('BTCUSDT', '2024-01-15', dayZip('2024-01-15'));
    const [outcome] = await h.ingest('2024-01-15');
    expect(outcome).toEqual({
      status: 'ingested',
      file: 'BTCUSDT-1m-2024-01-15.zip',
      report: { rows: DAY, inserted: DAY, updated: 0, duplicates: 0, missingMinutes: 0, gaps: [], rejected: [] },
    });
    const bars = h.bars('2024-01-15');
    expect(bars).toHaveLength(DAY);
    expect(bars[1]).toEqual({ time: Date.UTC(2024, 0, 15, 0, 1), open: 42_000.5, high: 42_002, low: 41_998.75, close: 42_000, volume: 0.25, trades: 11, final: true });
    expect(h.ctx.bars.market(visionSeriesKey('BTCUSDT'))).toBe('crypto');
    expect(vision.requests).toEqual([`${visionPath('BTCUSDT', '2024-01-15')}.CHECKSUM`, visionPath('BTCUSDT', '2024-01-15')]);
  });

  it('refuses a ZIP whose SHA-256 does not match its CHECKSUM and stores nothing from it', async () => {
    const zip = dayZip('2024-01-15');
    vision.publish('BTCUSDT', '2024-01-15', zip, Buffer.concat([zip, Buffer.from('x')]));
    const [outcome] = await h.ingest('2024-01-15');
    expect(outcome?.status).toBe('failed');
    expect(outcome?.status === 'failed' ? outcome.reason : '').toMatch(/^BTCUSDT-1m-2024-01-15\.zip: SHA-256 [0-9a-f]{64} does not match its CHECKSUM \([0-9a-f]{64}\); refused, nothing stored$/);
    expect(h.ctx.bars.listSeries()).toEqual([]);
    expect(h.ctx.files.find('binance', 'BTCUSDT-1m-2024-01-15.zip')).toBeNull();
  });

  it('gives identical bars from a millisecond file and a microsecond file of the same minutes', async () => {
    vision.publish('BTCUSDT', '2025-01-01', dayZip('2025-01-01', { micro: true }));
    const micro = await h.ingest('2025-01-01');
    const other = await startFakeVision();
    const ms = harness(other);
    others.push(ms);
    other.publish('BTCUSDT', '2025-01-01', dayZip('2025-01-01'));
    const milli = await ms.ingest('2025-01-01');
    await other.close();
    expect(micro).toEqual(milli);
    expect(h.bars('2025-01-01')).toHaveLength(DAY);
    expect(h.bars('2025-01-01')).toEqual(ms.bars('2025-01-01'));
    expect(h.bars('2025-01-01')[0]?.time).toBe(Date.UTC(2025, 0, 1));
  });

  it('gives the same bars from a file with the futures-style header as from one without', async () => {
    vision.publish('BTCUSDT', '2024-02-29', dayZip('2024-02-29', { header: true }));
    const [withHeader] = await h.ingest('2024-02-29');
    const other = await startFakeVision();
    const plain = harness(other);
    others.push(plain);
    other.publish('BTCUSDT', '2024-02-29', dayZip('2024-02-29'));
    const [without] = await plain.ingest('2024-02-29');
    await other.close();
    expect(withHeader).toEqual(without);
    expect(withHeader?.status === 'ingested' ? withHeader.report.rows : 0).toBe(DAY);
    expect(h.bars('2024-02-29')).toEqual(plain.bars('2024-02-29'));
  });

  it('re-running an ingest inserts nothing and skips the file without downloading it again', async () => {
    vision.publish('BTCUSDT', '2024-01-15', dayZip('2024-01-15'));
    await h.ingest('2024-01-15');
    const chunks = h.ctx.db.prepare('SELECT chunk_start, payload FROM bar_chunks ORDER BY chunk_start').all();
    vision.requests.length = 0;
    expect(await h.ingest('2024-01-15')).toEqual([{ status: 'already-ingested', file: 'BTCUSDT-1m-2024-01-15.zip', bars: DAY }]);
    expect(vision.requests).toEqual([`${visionPath('BTCUSDT', '2024-01-15')}.CHECKSUM`]);
    expect(h.ctx.db.prepare('SELECT chunk_start, payload FROM bar_chunks ORDER BY chunk_start').all()).toEqual(chunks);
  });

  it('a republished file (new checksum) is read again; bars already stored count as duplicates', async () => {
    vision.publish('BTCUSDT', '2024-01-15', dayZip('2024-01-15'));
    await h.ingest('2024-01-15');
    vision.publish('BTCUSDT', '2024-01-15', dayZip('2024-01-15', { header: true }));
    const [again] = await h.ingest('2024-01-15');
    expect(again).toMatchObject({ status: 'ingested', report: { rows: DAY, inserted: 0, updated: 0, duplicates: DAY } });
  });

  it('a month range with an unpublished month reports it and ingests the others, with their gaps', async () => {
    vision.publish('BTCUSDT', '2024-01', zipOf('2024-01', klineCsv(period('2024-01').start, 31 * DAY)));
    // March: only the first two days, without 00:10-00:12 on March 1st.
    vision.publish('BTCUSDT', '2024-03', zipOf('2024-03', klineCsv(period('2024-03').start, 2 * DAY, { skip: new Set([10, 11, 12]) })));
    const outcomes = await h.ingest('2024-01', '2024-03');
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['BTCUSDT-1m-2024-01.zip', 'ingested'],
      ['BTCUSDT-1m-2024-02.zip', 'missing'],
      ['BTCUSDT-1m-2024-03.zip', 'ingested'],
    ]);
    expect(outcomes[1]).toEqual({ status: 'missing', file: 'BTCUSDT-1m-2024-02.zip', url: `${vision.baseUrl}${visionPath('BTCUSDT', '2024-02')}.CHECKSUM` });
    expect(outcomes[0]).toMatchObject({ report: { rows: 44_640, inserted: 44_640, missingMinutes: 0 } });
    expect(outcomes[2]).toMatchObject({
      report: {
        rows: 2 * DAY - 3,
        inserted: 2 * DAY - 3,
        missingMinutes: 3 + 29 * DAY,
        gaps: [
          { from: Date.UTC(2024, 2, 1, 0, 10), to: Date.UTC(2024, 2, 1, 0, 13) },
          { from: Date.UTC(2024, 2, 3), to: Date.UTC(2024, 3, 1) },
        ],
      },
    });
    expect(h.bars('2024-01')).toHaveLength(44_640);
    expect(h.bars('2024-02')).toHaveLength(0);
  });

  it('refuses bad rows with their line numbers and keeps the rest', async () => {
    const start = period('2024-01-15').start;
    const good = klineCsv(start, 5).trim().split('\n');
    const cells = (good[2] ?? '').split(',');
    const rows = [
      ...good,
      [cells[0], '1', '1', '2', '1', ...cells.slice(5)].join(','), // line 6: low above high
      ['1705276800', ...cells.slice(1)].join(','), // line 7: 10-digit time
      cells.slice(0, 6).join(','), // line 8: 6 columns
      [String(start - 60_000), ...cells.slice(1)].join(','), // line 9: the day before
      good[1], // line 10: repeats 00:01
      '', // blank: not a row
    ];
    vision.publish('BTCUSDT', '2024-01-15', zipOf('2024-01-15', rows.join('\r\n')));
    const [outcome] = await h.ingest('2024-01-15');
    expect(outcome).toMatchObject({
      status: 'ingested',
      report: {
        rows: 10,
        inserted: 5,
        duplicates: 1,
        missingMinutes: DAY - 5,
        rejected: [
          { line: 6, reason: 'high/low do not bracket open and close' },
          { line: 7, reason: 'open time "1705276800" is neither milliseconds (13 digits) nor microseconds (16 digits)' },
          { line: 8, reason: 'expected 12 columns, found 6' },
          { line: 9, reason: "open time 2024-01-14T23:59:00.000Z is outside the file's period 2024-01-15" },
        ],
      },
    });
  });

  it('refuses a checksum-valid file that is not a one-CSV ZIP of kline rows, and stores and records nothing', async () => {
    vision.publish('BTCUSDT', '2024-01-15', Buffer.from('not a zip at all'));
    vision.publish('BTCUSDT', '2024-01-16', buildZip([{ name: 'a.csv', data: 'x' }, { name: 'b.csv', data: 'y' }], 'store'));
    vision.publish('BTCUSDT', '2024-01-17', zipOf('2024-01-17', 'Date,Open,High,Low,Close,Volume\n2024-01-17,1,2,1,2,5\n'));
    const outcomes = await h.ingest('2024-01-15', '2024-01-17');
    expect(outcomes.map((o) => (o.status === 'failed' ? o.reason : o.status))).toEqual([
      expect.stringMatching(/^BTCUSDT-1m-2024-01-15\.zip is not a readable ZIP: /),
      'BTCUSDT-1m-2024-01-16.zip holds a.csv, b.csv, not one CSV file',
      'BTCUSDT-1m-2024-01-17.zip: none of its 2 rows is a usable kline row (line 1: expected 12 columns, found 6); nothing stored',
    ]);
    expect(h.ctx.bars.listSeries()).toEqual([]);
    expect(h.ctx.db.prepare('SELECT COUNT(*) FROM ingested_files').pluck().get()).toBe(0);
  });
});
