import { AUTH_FAILED, AuthLatch } from '../../../market-data/feeds/alpaca/auth-latch';
import { sealKeys, type AlpacaCredentialsSource, type AlpacaKeys } from '../../../market-data/feeds/alpaca/credentials';
import type { Logger } from '../../../platform/rpc';
import type { BrokerStatus } from '../broker';
import { AlpacaTradeStream, type TradeStreamOptions } from './trade-stream';
import type { AlpacaTradingEndpoints } from './trading-endpoints';
import { AlpacaTradingRest, type AlpacaTradingRestOptions } from './trading-rest';
import type { AlpacaTradeUpdate } from './trading-wire';

/** Knobs for tests (fast backoff, short time-outs) and proxies. */
export interface AlpacaLinkTuning {
  readonly rest?: Partial<Pick<AlpacaTradingRestOptions, 'timeoutMs' | 'serverRetries' | 'rateLimitRetries' | 'backoff' | 'rateLimit' | 'sleep'>>;
  readonly stream?: Pick<TradeStreamOptions, 'reconnect' | 'pingIntervalMs' | 'authTimeoutMs'>;
}

export interface AlpacaLinkHandlers {
  /** trade_updates is listening (first time or after a reconnect): reconcile. */
  listening(): void;
  update(update: AlpacaTradeUpdate): void;
  /** The stream dropped (it reconnects by itself). */
  down(): void;
  /** What status() says may have changed. */
  statusChanged(): void;
}

export interface AlpacaLinkDeps {
  readonly endpoints: AlpacaTradingEndpoints;
  readonly credentials: AlpacaCredentialsSource;
  readonly log: Logger;
  readonly handlers: AlpacaLinkHandlers;
  readonly tuning?: AlpacaLinkTuning;
}

type KeysState = { readonly kind: 'loading' } | { readonly kind: 'none'; readonly reason: string } | { readonly kind: 'ready'; readonly keys: AlpacaKeys };

/**
 * The connection of an Alpaca account: its keys (asked of the credentials
 * source at start and when told they changed), the trading REST client and
 * the trade_updates stream, and what they add up to — OFFLINE without keys
 * or with refused ones (nothing is sent then), DEGRADED while the stream is
 * down or Alpaca does not answer, LIVE when listening.
 */
export class AlpacaLink {
  readonly auth = new AuthLatch();
  readonly rest: AlpacaTradingRest;
  private keys: KeysState = { kind: 'loading' };
  private stream: AlpacaTradeStream | null = null;
  private listening = false;
  private streamProblem: string | null = 'connecting to Alpaca';
  private restProblem: string | null = null;
  private generation = 0;
  private closed = false;

  constructor(private readonly deps: AlpacaLinkDeps) {
    this.rest = new AlpacaTradingRest({
      baseUrl: deps.endpoints.tradingUrl,
      keys: () => Promise.resolve(this.keys.kind === 'ready' ? this.keys.keys : null),
      missingKeys: deps.credentials.missingReason,
      auth: this.auth,
      log: deps.log,
      ...deps.tuning?.rest,
    });
    this.auth.onFail(() => {
      this.stopStream();
      deps.handlers.statusChanged();
    });
  }

  /** Loads the keys and opens the stream (nothing when there are none). */
  async start(): Promise<void> {
    const generation = ++this.generation;
    this.keys = { kind: 'loading' };
    let loaded: KeysState;
    try {
      const given = await this.deps.credentials.load();
      loaded = given === null ? { kind: 'none', reason: this.deps.credentials.missingReason } : { kind: 'ready', keys: sealKeys(given) };
    } catch (err) {
      // A store that cannot be read (safeStorage refusing) is no keys, said plainly; its error never carries them.
      loaded = { kind: 'none', reason: `the Alpaca keys could not be read: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (this.closed || generation !== this.generation) return;
    this.keys = loaded;
    this.deps.handlers.statusChanged();
    if (loaded.kind !== 'ready') return;
    const { handlers, tuning } = this.deps;
    this.stream = new AlpacaTradeStream(
      { url: this.deps.endpoints.streamUrl, keys: loaded.keys, log: this.deps.log, ...tuning?.stream },
      {
        listening: () => {
          this.listening = true;
          this.streamProblem = null;
          handlers.statusChanged();
          handlers.listening();
        },
        update: (u) => handlers.update(u),
        down: (reason) => {
          this.listening = false;
          this.streamProblem = `trade updates ${reason}: reconnecting`;
          handlers.statusChanged();
          handlers.down();
        },
        authFailed: () => {
          if (this.auth.failure === null) this.deps.log.error(`alpaca trade updates: ${AUTH_FAILED}; nothing more is sent with these keys until they change`);
          this.auth.fail(AUTH_FAILED);
        },
      },
    );
    this.stream.start();
  }

  get ready(): boolean {
    return this.keys.kind === 'ready' && this.auth.failure === null && !this.closed;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Why orders cannot be sent now (no keys, refused keys), or null. */
  refusal(): string | null {
    if (this.closed) return 'the Alpaca account is closed';
    if (this.keys.kind === 'none') return `Alpaca is OFFLINE: ${this.keys.reason}`;
    if (this.auth.failure !== null) return `Alpaca is OFFLINE: ${this.auth.failure}`;
    if (this.keys.kind === 'loading') return 'Alpaca is still connecting: try again in a moment';
    return null;
  }

  status(): BrokerStatus {
    if (this.keys.kind === 'none') return { state: 'OFFLINE', reason: this.keys.reason };
    if (this.auth.failure !== null) return { state: 'OFFLINE', reason: this.auth.failure };
    if (this.closed) return { state: 'OFFLINE', reason: 'closed' };
    const problem = this.restProblem ?? (this.listening ? null : this.streamProblem);
    return problem === null ? { state: 'LIVE', reason: null } : { state: 'DEGRADED', reason: problem };
  }

  /** Alpaca's REST answered (null) or could not (why). */
  restAnswered(problem: string | null): void {
    if (problem === this.restProblem) return;
    this.restProblem = problem;
    this.deps.handlers.statusChanged();
  }

  /** New keys: the refusal is forgotten, the clients start again with them. */
  async keysChanged(): Promise<void> {
    this.auth.reset();
    this.rest.keysChanged();
    this.stopStream();
    this.restProblem = null;
    this.streamProblem = 'connecting to Alpaca';
    await this.start();
  }

  close(): void {
    this.closed = true;
    this.stopStream();
  }

  private stopStream(): void {
    this.stream?.close();
    this.stream = null;
    this.listening = false;
  }
}
