import axios, { AxiosHeaders, type AxiosInstance, type AxiosResponse } from 'axios';
import type { Bar } from '../../../../shared/domain/bar';
import type { Logger } from '../../../platform/rpc/dispatcher';
import { AlpacaApiError, AlpacaAuthError, AlpacaNoKeysError, AlpacaParseError, AlpacaRateLimitedError, AlpacaUnavailableError } from './alpaca-errors';
import { AUTH_FAILED, type AuthLatch } from './auth-latch';
import { ALPACA_LIMITS, type AlpacaAdjustment, type AlpacaDataFeed } from './config';
import { scrub, sealKeys, type AlpacaCredentials, type AlpacaKeys } from './credentials';
import { parseBarsPage, parseErrorBody } from './parse-rest';
import { toRfc3339 } from './parse-time';
import { rateLimitWaitMs, type HeaderReader } from './rate-limit-headers';

/**
 * A minute counts as final only when it closed this long before the request
 * was sent (clock skew, and the moment Alpaca takes to apply the minute's
 * last trades); one asked for sooner comes back forming and is fetched again
 * by the gap backfiller.
 */
export const FINALITY_MARGIN_MS = 2_000;

export interface AlpacaRestClientOptions {
  /** e.g. https://data.alpaca.markets; tests pass a fake on 127.0.0.1. */
  readonly baseUrl: string;
  /** The keys (or null), asked before each request: they may change at run time. */
  readonly keys: () => Promise<AlpacaCredentials | null>;
  /** Why there are no keys (the NoKeys error's message). */
  readonly missingKeys: string;
  readonly auth: AuthLatch;
  readonly feed: AlpacaDataFeed;
  readonly adjustment: AlpacaAdjustment;
  /** Wall clock (UTC ms): finality and rate-limit resets are judged by it. */
  readonly now: () => number;
  /** How the client waits (Retry-After, backoff); tests inject one that advances a fake clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: Logger;
  /** Bars per page, at most 10,000 (the default). */
  readonly pageLimit?: number;
  /** Retries of a 5xx before giving up (default 3), spaced by the backoff. */
  readonly serverRetries?: number;
  /** Retries after 429 before giving up (default 5), each after the wait Alpaca asked for. */
  readonly rateLimitRetries?: number;
  /** Backoff after a 5xx, or a 429 that names no wait: base * 2^(n-1), capped. */
  readonly backoff?: { readonly baseMs?: number; readonly capMs?: number };
}

export interface AlpacaRestStats {
  /** HTTP requests sent (retries included; refused ones not). */
  readonly requests: number;
  readonly pages: number;
  readonly retries429: number;
  readonly retries5xx: number;
  /** Requests not sent because the keys had been refused. */
  readonly refusedLocally: number;
}

const REQUEST_TIMEOUT_MS = 15_000;
const MAX_PAGES = 100_000;
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Alpaca's market-data REST for stock bars (GET /v2/stocks/{symbol}/bars,
 * 1Min, paged by next_page_token), with the key headers on every request.
 * 429 waits as long as Alpaca says (Retry-After, else X-RateLimit-Reset, else
 * backoff) and pauses every caller meanwhile; a 5xx is retried with backoff;
 * other 4xx surface Alpaca's message. A 401/403 refuses the keys for good
 * (AuthLatch): nothing more is sent until they change.
 */
export class AlpacaRestClient {
  private readonly http: AxiosInstance;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pageLimit: number;
  private pausedUntil = 0;
  private counts = { requests: 0, pages: 0, retries429: 0, retries5xx: 0, refusedLocally: 0 };

  constructor(private readonly options: AlpacaRestClientOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.pageLimit = options.pageLimit ?? ALPACA_LIMITS.barsPerPage;
    if (!Number.isInteger(this.pageLimit) || this.pageLimit < 1 || this.pageLimit > ALPACA_LIMITS.barsPerPage) {
      throw new RangeError(`pageLimit must be 1..${String(ALPACA_LIMITS.barsPerPage)}, got ${String(this.pageLimit)}`);
    }
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: REQUEST_TIMEOUT_MS,
      responseType: 'json',
      validateStatus: () => true,
      // Alpaca never redirects; following one would send the key headers to another host.
      maxRedirects: 0,
    });
  }

  /**
   * Final and forming 1m bars of `symbol` with open time in [from, to), oldest
   * first, without duplicates, every page followed.
   */
  async bars(symbol: string, from: number, to: number): Promise<Bar[]> {
    if (symbol === '' || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
      throw new RangeError(`bars needs a symbol and whole-ms times, got ${JSON.stringify({ symbol, from, to })}`);
    }
    if (to <= from) return [];
    const byTime = new Map<number, Bar>();
    const seen = new Set<string>();
    let token: string | null = null;
    for (let pages = 0; ; pages++) {
      if (pages >= MAX_PAGES) throw new AlpacaParseError(`bars of ${symbol}: more than ${String(MAX_PAGES)} pages`);
      const params: Record<string, string | number> = { ...this.barParams(from, to), limit: this.pageLimit };
      if (token !== null) params['page_token'] = token;
      const asked = this.options.now();
      const page = parseBarsPage(await this.request(this.barsPath(symbol), params), asked - FINALITY_MARGIN_MS);
      this.counts.pages++;
      for (const b of page.bars) if (b.time >= from && b.time < to) byTime.set(b.time, b);
      if (page.next === null) break;
      if (seen.has(page.next)) throw new AlpacaParseError(`bars of ${symbol}: next_page_token repeats a page already read`);
      seen.add(page.next);
      token = page.next;
    }
    return [...byTime.values()].sort((a, b) => a.time - b.time);
  }

  /** Open time of the first 1m bar Alpaca has for `symbol` at or after `since`, or null when it has none. */
  async firstBarTime(symbol: string, since: number = ALPACA_LIMITS.dataStart): Promise<number | null> {
    const params = { ...this.barParams(since, this.options.now()), limit: 1 };
    const asked = this.options.now();
    return parseBarsPage(await this.request(this.barsPath(symbol), params), asked - FINALITY_MARGIN_MS).bars[0]?.time ?? null;
  }

  stats(): AlpacaRestStats {
    return { ...this.counts };
  }

  private barsPath(symbol: string): string {
    return `/v2/stocks/${encodeURIComponent(symbol)}/bars`;
  }

  /** `end` is inclusive at Alpaca: the last millisecond before `to`. */
  private barParams(from: number, to: number): Record<string, string> {
    return {
      timeframe: '1Min',
      start: toRfc3339(from),
      end: toRfc3339(to - 1),
      adjustment: this.options.adjustment,
      feed: this.options.feed,
      sort: 'asc',
    };
  }

  /** One GET of another data endpoint (option snapshots, a latest trade) under the same policy: keys, 429 waits, 5xx retries, the key latch. */
  get(path: string, params: Readonly<Record<string, string | number>>): Promise<unknown> {
    return this.request(path, params);
  }

  private async request(path: string, params: Readonly<Record<string, string | number>>): Promise<unknown> {
    const { auth, log } = this.options;
    let rateLimited = 0;
    let serverErrors = 0;
    for (;;) {
      if (auth.failure !== null) {
        this.counts.refusedLocally++;
        throw new AlpacaAuthError();
      }
      const given = await this.options.keys();
      if (given === null) throw new AlpacaNoKeysError(this.options.missingKeys);
      const keys = sealKeys(given);
      await this.waitForPause();
      const response = await this.send(path, params, keys);
      const header: HeaderReader = (name) => headerText(response, name);
      const now = this.options.now();
      // Out of budget for this window: every caller waits for the reset (at most a minute).
      if (header('x-ratelimit-remaining') === '0') this.pauseUntil(rateLimitWaitMs(header, now, 0, 60_000) + now);
      const { status } = response;
      if (status >= 200 && status < 300) return response.data;
      const body = parseErrorBody(response.data);
      const message = body === undefined ? undefined : scrub(body.message, keys);
      if (status === 401 || status === 403) {
        // A plan that does not cover the request (recent SIP data on the free plan) is not a bad key.
        if (status === 403 && message !== undefined && /subscription/i.test(message)) throw new AlpacaApiError(status, body?.code ?? null, message);
        auth.fail(AUTH_FAILED);
        log?.error(`alpaca: ${AUTH_FAILED}: HTTP ${String(status)}${message === undefined ? '' : ` (${message})`}; nothing more is sent with these keys until they change`);
        throw new AlpacaAuthError(status);
      }
      if (status === 429) {
        rateLimited++;
        const waitMs = rateLimitWaitMs(header, now, this.backoffMs(rateLimited), 60_000);
        this.pauseUntil(now + waitMs);
        if (rateLimited > (this.options.rateLimitRetries ?? 5)) throw new AlpacaRateLimitedError(path, rateLimited);
        this.counts.retries429++;
        log?.warn(`alpaca ${path}: HTTP 429, retrying in ${String(waitMs)} ms`);
        continue;
      }
      if (status >= 500) {
        serverErrors++;
        if (serverErrors > (this.options.serverRetries ?? 3)) throw new AlpacaUnavailableError(`Alpaca ${path}: HTTP ${String(status)}${message === undefined ? '' : ` (${message})`}`, status);
        const waitMs = this.backoffMs(serverErrors);
        this.counts.retries5xx++;
        log?.warn(`alpaca ${path}: HTTP ${String(status)}, retrying in ${String(waitMs)} ms`);
        await this.sleep(waitMs);
        continue;
      }
      if (status >= 400 && status < 500 && body !== undefined && message !== undefined) throw new AlpacaApiError(status, body.code, message);
      throw new AlpacaUnavailableError(`Alpaca ${path}: HTTP ${String(status)}`, status);
    }
  }

  /** One GET; a network failure becomes an AlpacaUnavailableError that does not carry axios's error (its config holds the headers). */
  private async send(path: string, params: Readonly<Record<string, string | number>>, keys: AlpacaKeys): Promise<AxiosResponse<unknown>> {
    this.counts.requests++;
    try {
      return await this.http.get<unknown>(path, { params, headers: { 'APCA-API-KEY-ID': keys.keyId, 'APCA-API-SECRET-KEY': keys.secret } });
    } catch (err) {
      throw new AlpacaUnavailableError(`Alpaca ${path}: ${scrub(describeNetworkError(err), keys)}`);
    }
  }

  private backoffMs(attempt: number): number {
    const base = this.options.backoff?.baseMs ?? 1_000;
    const cap = this.options.backoff?.capMs ?? 30_000;
    return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  }

  private pauseUntil(t: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, t);
  }

  private async waitForPause(): Promise<void> {
    for (;;) {
      const wait = this.pausedUntil - this.options.now();
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }
}

/** A response header by case-insensitive name (axios's types do not admit its own raw header shape here, hence the cast). */
function headerText(response: AxiosResponse<unknown>, name: string): string | undefined {
  const value = AxiosHeaders.from(response.headers as AxiosHeaders).get(name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The code and message of a network failure: never the request (its headers hold the keys). */
function describeNetworkError(err: unknown): string {
  if (axios.isAxiosError(err)) return [err.code, err.message].filter((s) => s !== undefined && s !== '').join(' ') || 'network error';
  return err instanceof Error ? err.message : String(err);
}
