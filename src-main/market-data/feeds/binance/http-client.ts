import axios, { AxiosHeaders, type AxiosInstance, type AxiosResponse } from 'axios';
import type { Bar } from '../../../../shared/domain/bar';
import { MINUTE_MS } from '../../../../shared/domain/interval';
import type { Logger } from '../../../platform/rpc/dispatcher';
import { BinanceApiError, BinanceBannedError, BinanceRateLimitedError, BinanceUnavailableError } from './binance-errors';
import { BINANCE_LIMITS } from './config';
import { parseErrorBody, parseExchangeInfo, parseKlines, type BinanceSymbolInfo } from './parse-rest';


/**
 * A kline counts as final only when its close time is this far before the
 * request was sent (clock skew between us and Binance, and the time Binance
 * takes to apply the minute's last trades). A bar asked for sooner comes back
 * forming and is fetched again (see GapBackfiller).
 */
export const FINALITY_MARGIN_MS = 2_000;
export interface BinanceRestClientOptions {
  /** e.g. https://data-api.binance.vision; tests pass a fake on 127.0.0.1. */
  readonly baseUrl: string;
  /** Wall clock (UTC ms): weight windows, ban expiry and bar finality are judged by it. */
  readonly now: () => number;
  /** How the client waits (weight windows, Retry-After); tests inject one that advances a fake clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: Logger;
  /** REQUEST_WEIGHT budget per minute; default BINANCE_LIMITS.weightPerMinute (6000). */
  readonly weightLimit?: number;
}

export interface BinanceRestStats {
  /** HTTP requests sent (retries included, refused ones not). */
  readonly requests: number;
  /** Used weight of the current minute as Binance last reported it (0 once a new minute starts). */
  readonly weightUsed: number;
  /** Times a request waited for the next minute to stay within the budget. */
  readonly waitsForWeight: number;
  /** Requests repeated after an HTTP 429. */
  readonly retries429: number;
  /** End of an IP ban (UTC ms) while one is in force, else null. */
  readonly bannedUntil: number | null;
}

const WEIGHT_HEADER = 'x-mbx-used-weight-1m';
/** Retries after 429 before giving up (each after its Retry-After). */
const MAX_429_RETRIES = 5;
const REQUEST_TIMEOUT_MS = 15_000;
/** Binance's minute may start a little after ours (clock skew): our window starts this much later, so a full budget is never spent early. */
const WINDOW_SKEW_MS = 1_000;
/** Shortest documented ban, assumed when a 418 carries no Retry-After. */
const DEFAULT_BAN_S = 120;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Binance Spot public REST (klines, exchangeInfo) within the IP's request-weight
 * budget: it reads X-MBX-USED-WEIGHT-1M from every response and waits for the
 * next minute rather than exceed the limit, honours 429 Retry-After, and after
 * a 418 refuses to send anything until the ban ends.
 */
export class BinanceRestClient {
  private readonly http: AxiosInstance;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: Logger | undefined;
  private readonly limit: number;
  /** Our index of the current weight minute, its reported use, and weight sent but not yet answered. */
  private window = Number.NEGATIVE_INFINITY;
  private reported = 0;
  /** Weight this client spent in the current window: the budget holds even if Binance's header goes missing. */
  private spent = 0;
  /** After a 429 every request (not only the one refused) waits until then. */
  private pausedUntil = 0;
  private inFlight = 0;
  private ban: BinanceBannedError | undefined;
  private counts = { requests: 0, waitsForWeight: 0, retries429: 0 };

  constructor(options: BinanceRestClientOptions) {
    this.now = options.now;
    this.sleep = options.sleep ?? realSleep;
    this.log = options.log;
    this.limit = options.weightLimit ?? BINANCE_LIMITS.weightPerMinute;
    const heaviest = Math.max(BINANCE_LIMITS.klinesWeight, BINANCE_LIMITS.exchangeInfoWeight);
    if (!Number.isInteger(this.limit) || this.limit < heaviest) {
      throw new RangeError(`weightLimit must be an integer of at least ${String(heaviest)}, got ${String(this.limit)}`);
    }
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: REQUEST_TIMEOUT_MS,
      responseType: 'json',
      validateStatus: () => true,
    });
  }

  /**
   * Final and forming 1m bars of `symbol` with open time in [from, to), oldest
   * first, without duplicates; any range, fetched 1000 bars a request.
   */
  async klines(symbol: string, from: number, to: number): Promise<Bar[]> {
    if (symbol === '' || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
      throw new RangeError(`klines needs a symbol and whole-ms times, got ${JSON.stringify({ symbol, from, to })}`);
    }
    const limit = BINANCE_LIMITS.klinesPerRequest;
    const byTime = new Map<number, Bar>();
    let start = from;
    while (start < to) {
      const params = { symbol, interval: '1m', startTime: start, endTime: to - 1, limit };
      // Final only if it had closed well before we asked: the answer is built before it arrives, and clocks differ.
      const asked = this.now();
      const data = await this.request('/api/v3/klines', params, BINANCE_LIMITS.klinesWeight);
      const page = parseKlines(data, asked - FINALITY_MARGIN_MS);
      for (const b of page) if (b.time >= from && b.time < to) byTime.set(b.time, b);
      const last = page.at(-1);
      if (page.length < limit || last === undefined || last.time < start) break;
      start = last.time + MINUTE_MS;
    }
    return [...byTime.values()].sort((a, b) => a.time - b.time);
  }

  /** Open time of the symbol's first 1m kline (its listing), or null when Binance has none. */
  async firstKlineTime(symbol: string): Promise<number | null> {
    const asked = this.now();
    const data = await this.request('/api/v3/klines', { symbol, interval: '1m', startTime: 0, limit: 1 }, BINANCE_LIMITS.klinesWeight);
    return parseKlines(data, asked - FINALITY_MARGIN_MS)[0]?.time ?? null;
  }

  /** Every listed symbol with its tick and lot step; unparseable listings are skipped and logged. */
  async exchangeInfo(): Promise<BinanceSymbolInfo[]> {
    const data = await this.request('/api/v3/exchangeInfo', {}, BINANCE_LIMITS.exchangeInfoWeight);
    const { symbols, skipped } = parseExchangeInfo(data);
    if (skipped.length > 0) {
      const sample = skipped.slice(0, 3).map((s) => `${s.symbol} (${s.reason})`);
      this.log?.warn(`Binance exchangeInfo: skipped ${String(skipped.length)} symbol(s): ${sample.join(', ')}`);
    }
    return symbols;
  }

  stats(): BinanceRestStats {
    this.rollWindow();
    return { ...this.counts, weightUsed: this.reported, bannedUntil: this.activeBan()?.until ?? null };
  }

  private async request(path: string, params: Readonly<Record<string, string | number>>, weight: number): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      await this.acquire(weight);
      const sentIn = this.window;
      let response: AxiosResponse<unknown>;
      try {
        this.counts.requests++;
        response = await this.http.get<unknown>(path, { params });
      } catch (err) {
        throw new BinanceUnavailableError(`Binance ${path}: ${describeNetworkError(err)}`, undefined, { cause: err });
      } finally {
        this.inFlight -= weight;
      }
      this.noteWeight(response, sentIn);
      if (sentIn === this.window) this.spent += weight;
      const { status } = response;
      if (status >= 200 && status < 300) return response.data;
      if (status === 418) throw this.banned(path, retryAfterSeconds(response) ?? DEFAULT_BAN_S);
      if (status === 429) {
        const waitMs = (retryAfterSeconds(response) ?? 0) * 1000 || this.nextWindowStart() - this.now();
        // Every caller waits it out, not only this one: hammering on is what gets an IP banned (418).
        this.pausedUntil = Math.max(this.pausedUntil, this.now() + waitMs);
        if (attempt > MAX_429_RETRIES) throw new BinanceRateLimitedError(path, attempt);
        this.counts.retries429++;
        this.log?.warn(`Binance ${path}: HTTP 429, retrying in ${String(waitMs)} ms`);
        await this.sleep(waitMs);
        continue;
      }
      const body = parseErrorBody(response.data);
      if (status >= 400 && status < 500 && body) throw new BinanceApiError(status, body.code, body.msg);
      throw new BinanceUnavailableError(`Binance ${path}: HTTP ${String(status)}`, status);
    }
  }

  /** Waits until `weight` fits in this minute's budget, then reserves it (check and reserve are one synchronous step). */
  private async acquire(weight: number): Promise<void> {
    for (;;) {
      const ban = this.activeBan();
      if (ban) throw ban;
      const pause = this.pausedUntil - this.now();
      if (pause > 0) {
        await this.sleep(pause);
        continue;
      }
      this.rollWindow();
      if (Math.max(this.reported, this.spent) + this.inFlight + weight <= this.limit) {
        this.inFlight += weight;
        return;
      }
      this.counts.waitsForWeight++;
      await this.sleep(this.nextWindowStart() - this.now());
    }
  }

  private windowOf(t: number): number {
    return Math.floor((t - WINDOW_SKEW_MS) / MINUTE_MS);
  }

  private nextWindowStart(): number {
    return (this.windowOf(this.now()) + 1) * MINUTE_MS + WINDOW_SKEW_MS;
  }

  private rollWindow(): void {
    const w = this.windowOf(this.now());
    if (w !== this.window) {
      this.window = w;
      this.reported = 0;
      this.spent = 0;
    }
  }

  /** Takes the reported use when the request was sent and answered in the same window (otherwise it is ambiguous). */
  private noteWeight(response: AxiosResponse<unknown>, sentIn: number): void {
    this.rollWindow();
    const used = Number(headerText(response, WEIGHT_HEADER));
    if (sentIn === this.window && Number.isInteger(used) && used >= 0) this.reported = Math.max(this.reported, used);
  }

  private banned(path: string, seconds: number): BinanceBannedError {
    this.ban = new BinanceBannedError(this.now() + seconds * 1000);
    this.log?.error(`Binance ${path}: HTTP 418, IP banned; no request will be sent for ${String(seconds)} s`, this.ban);
    return this.ban;
  }

  private activeBan(): BinanceBannedError | undefined {
    if (this.ban && this.now() >= this.ban.until) this.ban = undefined;
    return this.ban;
  }
}

/** A response header by case-insensitive name (axios's types do not admit its own raw header shape here, hence the cast). */
function headerText(response: AxiosResponse<unknown>, name: string): string | undefined {
  const value = AxiosHeaders.from(response.headers as AxiosHeaders).get(name);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Retry-After in whole seconds (Binance sends seconds), or undefined when absent or not a number. */
function retryAfterSeconds(response: AxiosResponse<unknown>): number | undefined {
  const text = headerText(response, 'retry-after')?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function describeNetworkError(err: unknown): string {
  if (axios.isAxiosError(err)) return [err.code, err.message].filter((s) => s !== undefined && s !== '').join(' ') || 'network error';
  return err instanceof Error ? err.message : String(err);
}
