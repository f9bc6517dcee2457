import { FakeHttp } from './fake-http';
import { FAKE_KEYS, type FakeKeys } from './fake-keys';
import { FakeTradeStream } from './fake-trade-stream';
import { RestFaults } from './rest-faults';
import { FakeTradingBook } from './trading-book';
import { serveTrading, type FakeTradingRestControl } from './trading-rest';

export interface FakeAlpacaTradingOptions {
  readonly keys?: FakeKeys;
  readonly now?: () => number;
  /** The paper account's cash at start (default $100,000, as Alpaca's paper accounts). */
  readonly cash?: number;
  /** Stock symbols Alpaca knows (default: any upper-case ticker). */
  readonly symbols?: readonly string[];
  readonly requestsPerMinute?: number;
}

export interface FakeAlpacaTrading {
  /** TAPEDECK_ALPACA_TRADING_URL. */
  readonly tradingUrl: string;
  /** TAPEDECK_ALPACA_STREAM_URL. */
  readonly streamUrl: string;
  readonly keys: FakeKeys;
  readonly book: FakeTradingBook;
  readonly http: FakeHttp;
  readonly faults: RestFaults;
  readonly rest: FakeTradingRestControl;
  readonly stream: FakeTradeStream;
  close(): Promise<void>;
}

/**
 * A fake of Alpaca's paper trading host on 127.0.0.1 (one random port): the
 * trading REST (trading-rest.ts over the book, trading-book.ts) and the
 * trade_updates stream at /stream, with faults on command (429, 5xx, lost
 * answers, dropped and refused connections).
 */
export async function startFakeAlpacaTrading(options: FakeAlpacaTradingOptions = {}): Promise<FakeAlpacaTrading> {
  const keys = options.keys ?? FAKE_KEYS;
  const now = options.now ?? Date.now;
  const faults = new RestFaults();
  const http = new FakeHttp({ keys, now, faults, ...(options.requestsPerMinute === undefined ? {} : { requestsPerMinute: options.requestsPerMinute }) });
  const known = options.symbols === undefined ? (s: string) => /^[A-Z]{1,5}$/.test(s) : (s: string) => options.symbols?.includes(s) === true;
  const book = new FakeTradingBook(now, options.cash ?? 100_000, known);
  const rest = serveTrading(http, book);
  const stream = new FakeTradeStream(keys);
  book.onEvent((e) => stream.publish(e));
  http.server.on('upgrade', (req, socket, head: Buffer) => {
    if (!stream.upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  });
  const port = await http.listen();
  const origin = `127.0.0.1:${String(port)}`;
  return {
    tradingUrl: `http://${origin}`,
    streamUrl: `ws://${origin}/stream`,
    keys,
    book,
    http,
    faults,
    rest,
    stream,
    async close() {
      await stream.close();
      await http.close();
    },
  };
}
