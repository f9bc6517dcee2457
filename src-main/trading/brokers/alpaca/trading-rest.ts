import { ApiError, FetchError, trading } from '@alpacahq/alpaca-trade-api';
import { AlpacaApiError, AlpacaAuthError, AlpacaError, AlpacaNoKeysError, AlpacaRateLimitedError, AlpacaUnavailableError } from '../../../market-data/feeds/alpaca/alpaca-errors';
import { AUTH_FAILED, type AuthLatch } from '../../../market-data/feeds/alpaca/auth-latch';
import { scrub, sealKeys, type AlpacaCredentials, type AlpacaKeys } from '../../../market-data/feeds/alpaca/credentials';
import type { Logger } from '../../../platform/rpc';
import { assertPaperEndpoint } from './trading-endpoints';
import { parseAccount, parseOrder, parseOrders, parsePositions, type AlpacaAccount, type AlpacaOrder, type AlpacaPosition } from './trading-wire';

/**
 * A request that may or may not have reached Alpaca (a time-out, a dropped
 * connection, a 5xx after a POST or PATCH): only a look-up can tell. Never
 * retried blindly: an order request is looked up by its client order id first.
 */
export class AlpacaUncertainError extends AlpacaError {
  override readonly name = 'AlpacaUncertainError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AlpacaTradingRestOptions {
  /** The trading REST base (paper-api.alpaca.markets, or a fake on 127.0.0.1); Alpaca's live host is refused. */
  readonly baseUrl: string;
  /** The keys (or null), asked before each request: they may change at run time. */
  readonly keys: () => Promise<AlpacaCredentials | null>;
  readonly missingKeys: string;
  readonly auth: AuthLatch;
  readonly log: Logger;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Per attempt (default 10 s): a request that takes longer counts as uncertain. */
  readonly timeoutMs?: number;
  /** Retries of a safe request (GET, DELETE) after a 5xx or a network failure (default 3). */
  readonly serverRetries?: number;
  /** Retries after 429 (default 5): Alpaca did not process the request, so any request is sent again after the wait. */
  readonly rateLimitRetries?: number;
  readonly backoff?: { readonly baseMs?: number; readonly capMs?: number };
  /** The SDK's proactive budget (default 190 requests a minute); false: none (tests). */
  readonly rateLimit?: { readonly maxRequests: number; readonly intervalMs: number } | false;
}

export type NewOrderBody = trading.PostOrderRequest;

export interface OrderChangeBody {
  readonly qty?: number;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
}

export interface TradingRestStats {
  requests: number;
  retries429: number;
  retries5xx: number;
  uncertain: number;
}

interface Apis {
  readonly keys: AlpacaKeys;
  readonly orders: trading.OrdersApi;
  readonly positions: trading.PositionsApi;
  readonly account: trading.AccountsApi;
}

type Safety = 'safe' | 'unsafe';

/** The order a state-changing request answered with; an answer that is not one leaves its outcome uncertain (it may have been done). */
function unsureOf(what: string, body: unknown): AlpacaOrder {
  try {
    return parseOrder(body);
  } catch (err) {
    throw new AlpacaUncertainError(`Alpaca ${what}: an answer Tapedeck cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const decimalText = (n: number): string => String(n);

/**
 * Alpaca's trading REST through the SDK's generated client (its
 * `Configuration({ basePath })` pointed at TAPEDECK_ALPACA_TRADING_URL, its
 * typed errors, its per-attempt deadline and proactive rate budget), with
 * Tapedeck's policy on top: bodies read raw and zod-parsed (trading-wire.ts);
 * 429 waited out (Retry-After, else the reset, else backoff) and sent again;
 * a safe request (GET, DELETE) retried after a 5xx or a network failure with
 * backoff; a POST or PATCH never resent here (AlpacaUncertainError: the
 * caller looks the order up); 401 (or a 403 without Alpaca's error code)
 * refuses the keys for good (AuthLatch), so a wrong key costs one request.
 * Keys go into the two headers and nowhere else; Alpaca's messages are
 * scrubbed of them before they are logged or thrown.
 */
export class AlpacaTradingRest {
  private apis: Apis | null = null;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly stats: TradingRestStats = { requests: 0, retries429: 0, retries5xx: 0, uncertain: 0 };

  constructor(private readonly options: AlpacaTradingRestOptions) {
    assertPaperEndpoint(options.baseUrl, 'the Alpaca trading URL');
    this.sleep = options.sleep ?? realSleep;
  }

  async account(): Promise<AlpacaAccount> {
    return parseAccount(await this.call('GET /v2/account', 'safe', (a) => a.account.getAccountRaw()));
  }

  async positions(): Promise<AlpacaPosition[]> {
    return parsePositions(await this.call('GET /v2/positions', 'safe', (a) => a.positions.getAllOpenPositionsRaw()));
  }

  /** Open orders, or every order since `after` (epoch ms), newest first, legs nested. */
  async orders(status: 'open' | 'all', after?: number): Promise<AlpacaOrder[]> {
    const params: trading.GetAllOrdersRequest = { status, limit: 500, nested: true, direction: 'desc', ...(after === undefined ? {} : { after: new Date(after).toISOString() }) };
    return parseOrders(await this.call(`GET /v2/orders?status=${status}`, 'safe', (a) => a.orders.getAllOrdersRaw(params)));
  }

  async order(id: string): Promise<AlpacaOrder> {
    return parseOrder(await this.call('GET /v2/orders/{id}', 'safe', (a) => a.orders.getOrderByOrderIDRaw({ orderId: id, nested: true })));
  }

  /** The order a client order id made, or null when Alpaca has none (404). */
  async orderByClientId(clientOrderId: string): Promise<AlpacaOrder | null> {
    try {
      return parseOrder(await this.call('GET /v2/orders:by_client_order_id', 'safe', (a) => a.orders.getOrderByClientOrderIdRaw({ clientOrderId })));
    } catch (err) {
      if (err instanceof AlpacaApiError && err.status === 404) return null;
      throw err;
    }
  }

  /** POST /v2/orders, once. */
  async submit(body: NewOrderBody): Promise<AlpacaOrder> {
    return unsureOf('POST /v2/orders', await this.call('POST /v2/orders', 'unsafe', (a) => a.orders.postOrderRaw({ postOrderRequest: body })));
  }

  /** PATCH /v2/orders/{id}, once: Alpaca answers with the order that replaces it (a new id). */
  async replace(id: string, change: OrderChangeBody): Promise<AlpacaOrder> {
    const patch: trading.PatchOrderRequest = {
      ...(change.qty === undefined ? {} : { qty: decimalText(change.qty) }),
      ...(change.limitPrice === undefined ? {} : { limitPrice: decimalText(change.limitPrice) }),
      ...(change.stopPrice === undefined ? {} : { stopPrice: decimalText(change.stopPrice) }),
    };
    return unsureOf('PATCH /v2/orders/{id}', await this.call('PATCH /v2/orders/{id}', 'unsafe', (a) => a.orders.patchOrderByOrderIdRaw({ orderId: id, patchOrderRequest: patch })));
  }

  /** DELETE /v2/orders/{id}: the cancel is requested (Alpaca confirms it on the stream). */
  async cancel(id: string): Promise<void> {
    await this.call('DELETE /v2/orders/{id}', 'safe', (a) => a.orders.deleteOrderByOrderIDRaw({ orderId: id }), false);
  }

  /** DELETE /v2/positions/{symbol}: Alpaca closes the position at market; the closing order. */
  async closePosition(symbol: string): Promise<AlpacaOrder> {
    return parseOrder(await this.call('DELETE /v2/positions/{symbol}', 'unsafe', (a) => a.positions.deleteOpenPositionRaw({ symbolOrAssetId: symbol })));
  }

  /** The keys changed: the next request builds its client with the new ones. */
  keysChanged(): void {
    this.apis = null;
  }

  private async clients(): Promise<Apis> {
    const given = await this.options.keys();
    if (given === null) throw new AlpacaNoKeysError(this.options.missingKeys);
    const keys = sealKeys(given);
    if (this.apis !== null && this.apis.keys.keyId === keys.keyId && this.apis.keys.secret === keys.secret) return this.apis;
    const { rateLimit } = this.options;
    const config = new trading.Configuration({
      basePath: this.options.baseUrl,
      keyId: keys.keyId,
      secret: keys.secret,
      timeoutMs: this.options.timeoutMs ?? 10_000,
      redirect: 'error',
      ...(rateLimit === false ? {} : { rateLimit: rateLimit ?? { maxRequests: 190, intervalMs: 60_000 } }),
    });
    this.apis = { keys, orders: new trading.OrdersApi(config), positions: new trading.PositionsApi(config), account: new trading.AccountsApi(config) };
    return this.apis;
  }

  /**
   * One request under the policy above; the parsed JSON body (undefined when
   * `json` is false). Errors are Tapedeck's AlpacaError kinds, never the
   * SDK's (which hold the response, and through it the request).
   */
  private async call(what: string, safety: Safety, send: (apis: Apis) => Promise<{ raw: Response }>, json = true): Promise<unknown> {
    const { auth, log } = this.options;
    let rateLimited = 0;
    let failures = 0;
    for (;;) {
      if (auth.failure !== null) throw new AlpacaAuthError();
      const apis = await this.clients();
      this.stats.requests++;
      let raw: Response;
      try {
        raw = (await send(apis)).raw;
        if (!json) return undefined;
        const body: unknown = await raw.json();
        return body;
      } catch (err) {
        if (err instanceof ApiError) {
          const message = scrub(err.message, apis.keys);
          const code = typeof err.code === 'number' ? err.code : null;
          if (err.status === 401 || (err.status === 403 && code === null)) {
            auth.fail(AUTH_FAILED);
            log.error(`alpaca trading: ${AUTH_FAILED}: HTTP ${String(err.status)} (${message}); nothing more is sent with these keys until they change`);
            throw new AlpacaAuthError(err.status);
          }
          if (err.status === 429) {
            rateLimited++;
            if (rateLimited > (this.options.rateLimitRetries ?? 5)) throw new AlpacaRateLimitedError(what, rateLimited);
            const waitMs = Math.min(60_000, err.retryAfterMs ?? this.backoffMs(rateLimited));
            this.stats.retries429++;
            log.warn(`alpaca ${what}: HTTP 429, retrying in ${String(waitMs)} ms`);
            await this.sleep(waitMs);
            continue;
          }
          if (err.status >= 500) {
            if (safety === 'unsafe') {
              this.stats.uncertain++;
              throw new AlpacaUncertainError(`Alpaca ${what}: HTTP ${String(err.status)} (${message})`, err.status);
            }
            if (!(await this.retried(what, ++failures, `HTTP ${String(err.status)}`))) throw new AlpacaUnavailableError(`Alpaca ${what}: HTTP ${String(err.status)} (${message})`, err.status);
            continue;
          }
          throw new AlpacaApiError(err.status, code, message);
        }
        // A time-out or a network failure (FetchError), or a body that is not JSON.
        const why = scrub(err instanceof FetchError ? `${err.message}: ${err.cause.message}` : err instanceof Error ? err.message : String(err), apis.keys);
        if (safety === 'unsafe') {
          this.stats.uncertain++;
          throw new AlpacaUncertainError(`Alpaca ${what}: ${why}`);
        }
        if (!(await this.retried(what, ++failures, why))) throw new AlpacaUnavailableError(`Alpaca ${what}: ${why}`);
      }
    }
  }

  /** Waits before retry number `n` of a safe request; false once the retries are spent. */
  private async retried(what: string, n: number, why: string): Promise<boolean> {
    if (n > (this.options.serverRetries ?? 3)) return false;
    const waitMs = this.backoffMs(n);
    this.stats.retries5xx++;
    this.options.log.warn(`alpaca ${what}: ${why}, retrying in ${String(waitMs)} ms`);
    await this.sleep(waitMs);
    return true;
  }

  private backoffMs(attempt: number): number {
    const base = this.options.backoff?.baseMs ?? 500;
    const cap = this.options.backoff?.capMs ?? 15_000;
    return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  }
}
