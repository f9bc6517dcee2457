import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkKeyHeaders, type FakeKeys } from './fake-keys';
import type { RestFaults } from './rest-faults';

/** What a route answers. */
export interface RouteReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer this much later (a client's time-out). */
  readonly delayMs?: number;
  /** Drop the connection instead of answering (the request was processed: the answer is lost). */
  readonly drop?: boolean;
}

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  /** Path parameters by name (`:symbol` → params.symbol). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The fake's clock when it arrived. */
  readonly time: number;
  /** The JSON body (undefined without one, or when it is not JSON). */
  readonly body: unknown;
}

export type RouteHandler = (req: RouteRequest) => RouteReply;

/** One request as the fake saw it (never the key values: only whether they were right). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly time: number;
  readonly keys: 'ok' | 'missing' | 'wrong';
  status: number;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: RouteHandler;
}

/** Alpaca's documented per-account budget: 200 requests a minute, reported in X-RateLimit-* headers. */
class RateMeter {
  private window = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(readonly limit: number) {}

  hit(time: number): { remaining: number; reset: number; over: boolean } {
    const w = Math.floor(time / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.used = 0;
    }
    this.used++;
    return { remaining: Math.max(0, this.limit - this.used), reset: Math.ceil(((w + 1) * 60_000) / 1000), over: this.used > this.limit };
  }
}

export interface FakeHttpOptions {
  readonly keys: FakeKeys;
  readonly now: () => number;
  readonly faults: RestFaults;
  /** Requests per minute before 429 (default 200). */
  readonly requestsPerMinute?: number;
}

/**
 * The fake Alpaca's HTTP side: a small router that the data REST registers
 * its routes on (and the trading REST can later), key checks on every request
 * (missing → 401, wrong → 403, as the data host answers), the rate budget,
 * faults on command, and a record of every request.
 */
export class FakeHttp {
  readonly server: Server;
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly meter: RateMeter;

  constructor(private readonly options: FakeHttpOptions) {
    this.meter = new RateMeter(options.requestsPerMinute ?? 200);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
      });
    });
  }

  /** Registers `handler` for `method` and a path such as `/v2/stocks/:symbol/bars`. */
  route(method: string, path: string, handler: RouteHandler): void {
    const names: string[] = [];
    // Only a whole segment is a parameter: `/v2/orders:by_client_order_id` is a literal path.
    const source = path.replace(/\/:([a-z_]+)/g, (_m, name: string) => {
      names.push(name);
      return '/([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const time = this.options.now();
    const keys = checkKeyHeaders(req.headers, this.options.keys);
    const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), time, keys, status: 0 };
    this.requests.push(record);
    const send = (reply: RouteReply): void => {
      record.status = reply.status;
      if (reply.drop === true) {
        res.socket?.destroy();
        return;
      }
      if (reply.delayMs !== undefined && reply.delayMs > 0) {
        setTimeout(() => send({ ...reply, delayMs: 0 }), reply.delayMs);
        return;
      }
      res.statusCode = reply.status;
      res.setHeader('content-type', 'application/json; charset=UTF-8');
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      res.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    };
    if (keys === 'missing') {
      send({ status: 401, body: { code: 40110000, message: 'request is not authorized' } });
      return;
    }
    if (keys === 'wrong') {
      send({ status: 403, body: { message: 'forbidden' } });
      return;
    }
    const fault = this.options.faults.take();
    if (fault !== undefined) {
      send(fault);
      return;
    }
    const budget = this.meter.hit(time);
    const limits = { 'x-ratelimit-limit': String(this.meter.limit), 'x-ratelimit-remaining': String(budget.remaining), 'x-ratelimit-reset': String(budget.reset) };
    if (budget.over) {
      send({ status: 429, headers: limits, body: { code: 42910000, message: 'rate limit exceeded' } });
      return;
    }
    for (const route of this.routes) {
      if (route.method !== record.method) continue;
      const m = route.pattern.exec(url.pathname);
      if (m === null) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')]));
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      const reply = route.handler({ method: record.method, path: url.pathname, params, query: url.searchParams, time, body });
      if (this.options.faults.garbage !== null && reply.status === 200) {
        send({ status: 200, headers: limits, body: this.options.faults.garbage });
        return;
      }
      send({ ...reply, headers: { ...limits, ...reply.headers } }); return;
    }
    send({ status: 404, headers: limits, body: { code: 40410000, message: 'endpoint not found' } });
  }
}
