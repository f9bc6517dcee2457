import { z } from 'zod';
import type { BarsResult } from '../../../../shared/contract';
import { createCore } from '../../app/core';
import { alpacaFromEnv } from '../../config/alpaca-config';
import { binanceConfigFromEnv } from '../../config/binance-config';
import { US_STOCK_SYMBOL } from '../../../market-data/feeds/alpaca/alpaca-instruments';
import { EXIT, UsageError, type CliIo } from '../cli-io';
import { coverageLines } from '../coverage-note';
import { dataDirOption } from '../data-dir-option';
import { printHistoryProgress } from '../history-progress';
import { isoEndFlag, isoTimeFlag } from '../iso-time';
import { parseFlags } from '../parse-flags';
import { untilStopped } from '../stop';

const flagsSchema = z
  .object({
    symbol: z.string().trim().toUpperCase().regex(US_STOCK_SYMBOL, 'a US stock symbol is 1-6 letters and digits, with an optional class (BRK.B), e.g. AAPL'),
    from: isoTimeFlag,
    to: isoEndFlag,
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

export const INGEST_ALPACA_HELP = `Usage: tapedeck ingest alpaca --symbol S --from ISO --to ISO [--data-dir DIR]

Fetches the 1m bars of a US stock from Alpaca's market-data API (paged,
10,000 bars a request, 429s waited out) into the store as alpaca:<SYMBOL>
1m (us-equity), regular session only, keeping bars already stored; minutes
Alpaca has no trade in are recorded as its gaps, so re-running asks for
nothing new. Progress goes to stderr, the coverage of the range after it.

Keys come from APCA_API_KEY_ID and APCA_API_SECRET_KEY; TAPEDECK_ALPACA_FEED
(iex by default, or sip) and TAPEDECK_ALPACA_DATA_URL choose the data.

Options:
  --symbol S        e.g. AAPL, SPY, BRK.B
  --from ISO        first open time, e.g. 2024-01-02 (naive = UTC)
  --to ISO          end (exclusive); a bare date includes that day
  --data-dir DIR    the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)

Exit codes: 0 done, 1 Alpaca could not deliver (its message is printed:
an unknown symbol, refused keys, an outage), 2 bad usage or no keys.`;

/** `tapedeck ingest alpaca …`: Alpaca history into the store, through the same filler the charts use. */
export async function ingestAlpaca(args: readonly string[], io: CliIo): Promise<number> {
  const s = { type: 'string' } as const;
  const parsed = parseFlags([...args], { symbol: s, from: s, to: s, 'data-dir': s }, flagsSchema);
  if (parsed.help) {
    io.out(INGEST_ALPACA_HELP);
    return EXIT.ok;
  }
  const f = parsed.values;
  if (f.to <= f.from) throw new UsageError(`--to: must be after --from`);
  const alpaca = alpacaFromEnv(io.env, [f.symbol]);
  if ((await alpaca.credentials.load()) === null) throw new UsageError(alpaca.credentials.missingReason);
  const core = createCore({ dataDir: dataDirOption(f['data-dir'], io), mode: 'cli', binance: binanceConfigFromEnv(io.env), alpaca, connectFeeds: [] });
  const stopProgress = printHistoryProgress(core, io);
  try {
    const feed = core.market.feeds.get('alpaca');
    if (feed === undefined) throw new Error('the Alpaca feed is not registered');
    // One request first: refused keys or an unreachable host end here, before a range is asked for.
    await untilStopped(io.stop, feed.connect());
    const health = feed.health();
    if (health.status === 'OFFLINE') throw new Error(`Alpaca: ${health.reason ?? 'offline'}`);
    const key = { source: 'alpaca', symbol: f.symbol, interval: '1m' } as const;
    const before = core.bars.range(key, f.from, f.to).length;
    const failures = await untilStopped(io.stop, core.market.service.prepare('alpaca', f.symbol, f.from, f.to));
    const stored = core.bars.range(key, f.from, f.to).length;
    const span = `${new Date(f.from).toISOString()}..${new Date(f.to).toISOString()}`;
    io.out(`alpaca:${f.symbol} 1m (us-equity) ${span}: ${stored.toLocaleString('en-US')} bars stored, ${(stored - before).toLocaleString('en-US')} new`);
    const first = failures[0];
    if (first !== undefined) throw new Error(`${String(failures.length)} span(s) not loaded, first ${new Date(first.from).toISOString()}: ${first.message}`);
    // The coverage, as candles would print it (a daily view of the 1m truth: the counts are of base bars).
    const outcome = await core.dispatcher.call('bars.get', { source: 'alpaca', symbol: f.symbol, interval: '1d', from: f.from, to: f.to, limit: 50_000 });
    if (outcome.ok) for (const line of coverageLines((outcome.result as BarsResult).coverage, '1d')) io.err(line);
    return EXIT.ok;
  } finally {
    stopProgress();
    core.close();
  }
}
