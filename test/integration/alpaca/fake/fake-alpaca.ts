import { serveBars, type FakePlan } from './data-rest';
import { FakeDataStream } from './fake-data-stream';
import { FakeHttp } from './fake-http';
import { FAKE_KEYS, type FakeKeys } from './fake-keys';
import { FakeMarket, type FakeMarketOptions } from './fake-market';
import { serveOptions, type FakeOptionsControl } from './options-rest';
import { RestFaults } from './rest-faults';

export interface FakeAlpacaOptions extends FakeMarketOptions {
  /** The fake's clock (share it with the client under test); default Date.now. */
  readonly now?: () => number;
  readonly keys?: FakeKeys;
  /** The account's data plan: `iex` (default) or `sip`. */
  readonly plan?: FakePlan;
  /** Requests per minute before 429 (default 200). */
  readonly requestsPerMinute?: number;
  /** Stream connections per account (default 1). */
  readonly connectionLimit?: number;
  /** Symbols over trades + quotes per stream connection (default 10,000). */
  readonly symbolLimit?: number;
}

export interface FakeAlpaca {
  /** The data REST base (TAPEDECK_ALPACA_DATA_URL). */
  readonly dataUrl: string;
  /** The stock stream for the iex feed (TAPEDECK_ALPACA_DATA_STREAM_URL); `${origin}/v2/sip` for sip. */
  readonly streamUrl: string;
  readonly origin: string;
  readonly keys: FakeKeys;
  readonly market: FakeMarket;
  readonly http: FakeHttp;
  readonly faults: RestFaults;
  readonly stream: FakeDataStream;
  /** Option snapshots and stocks' latest trades (options-rest.ts). */
  readonly options: FakeOptionsControl;
  plan: FakePlan;
  close(): Promise<void>;
}

/**
 * A fake Alpaca on 127.0.0.1 (one random port): the market-data REST and the
 * stock stream, both reading one deterministic market (fake-market.ts). The
 * trading REST and the trade_updates stream can be added beside them: routes
 * on `http`, another upgrade path next to `stream.upgrade`.
 */
export async function startFakeAlpaca(options: FakeAlpacaOptions = {}): Promise<FakeAlpaca> {
  const keys = options.keys ?? FAKE_KEYS;
  const market = new FakeMarket(options);
  const faults = new RestFaults();
  const http = new FakeHttp({ keys, now: options.now ?? Date.now, faults, ...(options.requestsPerMinute === undefined ? {} : { requestsPerMinute: options.requestsPerMinute }) });
  const state = { plan: options.plan ?? ('iex') };
  serveBars(http, market, () => state.plan);
  const optionsControl = serveOptions(http);
  const stream = new FakeDataStream({
    keys,
    plan: () => state.plan,
    ...(options.connectionLimit === undefined ? {} : { connectionLimit: options.connectionLimit }),
    ...(options.symbolLimit === undefined ? {} : { symbolLimit: options.symbolLimit }),
  });
  http.server.on('upgrade', (req, socket, head: Buffer) => {
    if (!stream.upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  });
  const port = await http.listen();
  const origin = `127.0.0.1:${String(port)}`;
  return {
    dataUrl: `http://${origin}`,
    streamUrl: `ws://${origin}/v2/iex`,
    origin,
    keys,
    market,
    http,
    faults,
    stream,
    options: optionsControl,
    get plan() {
      return state.plan;
    },
    set plan(p: FakePlan) {
      state.plan = p;
    },
    async close() {
      await stream.close();
      await http.close();
    },
  };
}
