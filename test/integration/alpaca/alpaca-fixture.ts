import { AlpacaFeed, type AlpacaFeedTuning } from '../../../src-main/market-data/feeds/alpaca/alpaca-feed';
import type { AlpacaConfig } from '../../../src-main/market-data/feeds/alpaca/config';
import { staticCredentials, type AlpacaCredentialsSource } from '../../../src-main/market-data/feeds/alpaca/credentials';
import type { Clock, Ticker } from '../../../src-main/platform/app/clock';
import type { Logger } from '../../../src-main/platform/rpc';
import { bar, type Bar } from '../../../shared/domain/bar';
import type { FakeAlpaca } from './fake/fake-alpaca';
import type { FakeBar } from './fake/fake-market';

export const quiet: Logger = { error: () => undefined, warn: () => undefined };

/** The feed's configuration pointed at a fake. */
export function fakeConfig(fake: FakeAlpaca, over: Partial<AlpacaConfig> = {}): AlpacaConfig {
  return { dataUrl: fake.dataUrl, dataStreamUrl: fake.streamUrl, feed: 'iex', adjustment: 'raw', symbols: [], ...over };
}

/** An AlpacaFeed on the fake, with the fake's keys unless others are given; fast reconnects. */
export function fakeFeed(
  fake: FakeAlpaca,
  deps: { clock: Clock; ticker: Ticker; log?: Logger },
  options: { credentials?: AlpacaCredentialsSource; config?: Partial<AlpacaConfig>; tuning?: AlpacaFeedTuning } = {},
): AlpacaFeed {
  return new AlpacaFeed({
    config: fakeConfig(fake, options.config),
    credentials: options.credentials ?? staticCredentials(fake.keys.keyId, fake.keys.secret),
    clock: deps.clock,
    ticker: deps.ticker,
    log: deps.log ?? quiet,
    tuning: options.tuning ?? { rest: { backoff: { baseMs: 1, capMs: 4 } }, stream: { backoff: { baseMs: 5, capMs: 40 }, pingIntervalMs: 600_000 } },
  });
}

/** A fake bar as the feed should deliver it: cents → dollars, exact. */
export function asBar(b: FakeBar, final = true): Bar {
  return bar(b.time, b.open / 100, b.high / 100, b.low / 100, b.close / 100, b.volume, b.trades, final);
}

/** Polls (real time, on loopback sockets) until `done` holds. */
export async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
