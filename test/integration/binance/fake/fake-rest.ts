import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RestFaults } from './rest-faults';
import { exchangeInfoBody, klineRow, REST_ERRORS } from './rest-payloads';
import { DEFAULT_FAKE_SYMBOLS, RestTruth, syntheticKline, type FakeSymbol, type KlineScript } from './rest-truth';

/**
 * A fake Binance Spot REST server on 127.0.0.1 (random port) that speaks the
 * documented protocol (PROTOCOLS.md "Binance Spot — REST"): /api/v3/klines and
 * /api/v3/exchangeInfo, request weights counted per minute of the fake's clock
 * and reported in `x-mbx-used-weight-1m`, 429 beyond the limit, and faults on
 * command. It serves only the 1m interval.
 */
export interface FakeRestOptions {
  /** The fake's clock (share it with the client under test); default Date.now. */
  readonly now?: () => number;
  /** REQUEST_WEIGHT per minute; beyond it the fake answers 429. Default 6000. */
  readonly weightLimit?: number;
  /** Klines for any listed symbol and open time; default syntheticKline; null serves only what the test puts in `truth`. */
  readonly script?: KlineScript | null;
  /** Listed symbols (exchangeInfo, and which symbols the script answers for); default BTCUSDT, ETHUSDT. */
  readonly symbols?: readonly FakeSymbol[];
  /** Earliest open time the script answers for; default 0. */
  readonly listedSince?: number;
}

export interface RecordedRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The fake's clock when the request arrived. */
  readonly time: number;
  status: number;
  /** The used weight the response reported. */
  usedWeight: number;
}

export interface FakeBinanceRest {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  readonly truth: RestTruth;
  readonly faults: RestFaults;
  readonly requests: RecordedRequest[];
  /** Weight used in the fake's current minute. */
  usedWeight(): number;
  /** Weight spent in the current minute by someone else on the same IP. */
  addExternalWeight(weight: number): void;
}

const MINUTE = 60_000;
const ROUTE_WEIGHT: Readonly<Record<string, number>> = { '/api/v3/klines': 2, '/api/v3/exchangeInfo': 20 };

type Reply = readonly [status: number, body: unknown];

/** Per-minute weight of the fake's clock. */
class WeightMeter {
  private window = Number.NEGATIVE_INFINITY;
  private used = 0;

  at(time: number): number {
    const w = Math.floor(time / MINUTE);
    if (w !== this.window) {
      this.window = w;
      this.used = 0;
    }
    return this.used;
  }

  add(time: number, weight: number): number {
    this.used = this.at(time) + weight;
    return this.used;
  }
}

/** A 400 with a Binance error body, thrown while validating parameters. */
class BadRequest extends Error {
  constructor(readonly body: { readonly code: number; readonly msg: string }) {
    super(body.msg);
  }
}

function wholeParam(query: Readonly<Record<string, string>>, name: string): number | undefined {
  const text = query[name];
  if (text === undefined) return undefined;
  if (!/^\d{1,20}$/.test(text)) throw new BadRequest(REST_ERRORS.illegal(name, '^[0-9]{1,20}$'));
  return Number(text);
}

function klineRows(truth: RestTruth, query: Readonly<Record<string, string>>, now: number): readonly unknown[] {
  const { symbol, interval } = query;
  if (symbol === undefined || symbol === '') throw new BadRequest(REST_ERRORS.mandatory('symbol'));
  if (interval === undefined || interval === '') throw new BadRequest(REST_ERRORS.mandatory('interval'));
  if (interval !== '1m') throw new BadRequest(REST_ERRORS.invalidInterval);
  const start = wholeParam(query, 'startTime');
  const end = wholeParam(query, 'endTime');
  const limit = wholeParam(query, 'limit') ?? 500;
  if (limit < 1 || limit > 1000) throw new BadRequest(REST_ERRORS.illegal('limit', '1000'));
  if (start !== undefined && end !== undefined && start > end) throw new BadRequest(REST_ERRORS.startAfterEnd);
  if (!truth.knows(symbol)) throw new BadRequest(REST_ERRORS.invalidSymbol);
  return truth.openTimes(symbol, start, Math.min(end ?? now, now), limit).flatMap((t) => {
    const k = truth.kline(symbol, t);
    return k ? [klineRow(t, k)] : [];
  });
}

function route(path: string, truth: RestTruth, query: Readonly<Record<string, string>>, now: number, limit: number): Reply {
  try {
    return [200, path === '/api/v3/klines' ? klineRows(truth, query, now) : exchangeInfoBody(truth.symbols.values(), now, limit)];
  } catch (err) {
    if (err instanceof BadRequest) return [400, err.body];
    throw err;
  }
}

export async function startFakeBinanceRest(options: FakeRestOptions = {}): Promise<FakeBinanceRest> {
  const now = options.now ?? Date.now;
  const limit = options.weightLimit ?? 6000;
  const script = options.script === null ? undefined : (options.script ?? syntheticKline);
  const truth = new RestTruth(script, options.symbols ?? DEFAULT_FAKE_SYMBOLS, options.listedSince ?? 0);
  const faults = new RestFaults(now);
  const meter = new WeightMeter();
  const requests: RecordedRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const time = now();
    const record: RecordedRequest = { path: url.pathname, query: Object.fromEntries(url.searchParams), time, status: 0, usedWeight: 0 };
    requests.push(record);
    const send = (status: number, body: unknown, retryAfterSec?: number): void => {
      record.status = status;
      record.usedWeight = meter.at(time);
      res.setHeader('content-type', 'application/json;charset=UTF-8');
      if (!faults.omitWeightHeader) res.setHeader('x-mbx-used-weight-1m', String(record.usedWeight));
      if (retryAfterSec !== undefined) res.setHeader('retry-after', String(retryAfterSec));
      res.statusCode = status;
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const fault = faults.take();
    const weight = ROUTE_WEIGHT[url.pathname];
    if (fault) {
      send(fault.status, fault.body, fault.retryAfterSec);
    } else if (req.method !== 'GET' || weight === undefined) {
      send(404, undefined);
    } else if (meter.add(time, weight) > limit) {
      send(429, REST_ERRORS.tooMuchWeight(limit), Math.ceil((MINUTE - (time % MINUTE)) / 1000));
    } else {
      const [status, body] = route(url.pathname, truth, record.query, time, limit);
      send(status, body);
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    port,
    truth,
    faults,
    requests,
    usedWeight: () => meter.at(now()),
    addExternalWeight: (weight) => {
      meter.add(now(), weight);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
