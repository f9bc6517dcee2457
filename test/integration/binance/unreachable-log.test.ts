import { describe, expect, it } from 'vitest';
import { BinanceFeed } from '../../../src-main/market-data/feeds/binance/binance-feed';
import { manualTicker } from '../../helpers/core-fixture';
import { startFakeBinanceRest } from './fake/fake-rest';

describe('Binance unreachable: the log says when it went away and when it came back, not every retry', () => {
  it('logs one line for three failed attempts, then one when it answers again', async () => {
    const rest = await startFakeBinanceRest();
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const ticks = manualTicker();
    const feed = new BinanceFeed({ config: { restBaseUrl: rest.url, wsBaseUrl: 'ws://127.0.0.1:9', visionBaseUrl: rest.url }, clock: { now: () => Date.now() }, ticker: ticks.ticker, log });
    try {
      rest.faults.fail(3);
      await feed.connect();
      for (let i = 0; i < 2; i++) {
        ticks.tick();
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(feed.health().status).toBe('OFFLINE');
      expect(lines.filter((l) => l.startsWith('binance: not reachable'))).toHaveLength(1);
      ticks.tick();
      await new Promise((r) => setTimeout(r, 50));
      expect(feed.health().status).not.toBe('OFFLINE');
      expect(lines).toEqual([expect.stringMatching(/^binance: not reachable \(.*500.*\); the simulated market stands in, retrying in the background$/), 'binance: reachable again; live crypto charts use Binance']);
    } finally {
      feed.close();
      await rest.close();
    }
  });
});
