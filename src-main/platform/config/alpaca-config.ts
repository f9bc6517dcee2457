import { z } from 'zod';
import { ALPACA_ADJUSTMENTS, ALPACA_DATA_FEEDS, ALPACA_DEFAULTS, alpacaStreamUrl, type AlpacaConfig } from '../../market-data/feeds/alpaca/config';
import { envCredentials, type AlpacaCredentialsSource } from '../../market-data/feeds/alpaca/credentials';
import { ALPACA_TRADING_DEFAULTS, paperEndpoints, type AlpacaTradingEndpoints } from '../../trading/brokers/alpaca/trading-endpoints';

const url = (protocols: readonly string[]) =>
  z
    .url()
    .refine((u) => protocols.includes(new URL(u).protocol), `must be a ${protocols.join(' or ')} URL`)
    .transform((u) => u.replace(/\/+$/, ''));

const envSchema = z.object({
  TAPEDECK_ALPACA_DATA_URL: url(['http:', 'https:']).optional(),
  TAPEDECK_ALPACA_DATA_STREAM_URL: url(['ws:', 'wss:']).optional(),
  TAPEDECK_ALPACA_FEED: z.enum(ALPACA_DATA_FEEDS as [string, ...string[]]).optional(),
  TAPEDECK_ALPACA_ADJUSTMENT: z.enum(ALPACA_ADJUSTMENTS as [string, ...string[]]).optional(),
  TAPEDECK_ALPACA_SYMBOLS: z
    .string()
    .regex(/^[A-Za-z0-9., ]*$/, 'a comma-separated list of symbols, e.g. SOFI,F,BRK.B')
    .optional(),
});

/** Empty values count as unset (a shell's `VAR=`). */
function value(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Alpaca market-data endpoints and choices from the environment (a local fake
 * in tests, a proxy): TAPEDECK_ALPACA_DATA_URL, TAPEDECK_ALPACA_DATA_STREAM_URL
 * (default: the stream of the chosen feed), TAPEDECK_ALPACA_FEED (iex, or sip
 * when the plan includes it), TAPEDECK_ALPACA_ADJUSTMENT (raw by default) and
 * TAPEDECK_ALPACA_SYMBOLS (listed besides the defaults). A bad value is
 * refused naming the variable, never half-applied. `extraSymbols` are listed
 * too (the symbol a CLI command names).
 */
export function alpacaConfigFromEnv(env: Readonly<Record<string, string | undefined>>, extraSymbols: readonly string[] = []): AlpacaConfig {
  const names = ['TAPEDECK_ALPACA_DATA_URL', 'TAPEDECK_ALPACA_DATA_STREAM_URL', 'TAPEDECK_ALPACA_FEED', 'TAPEDECK_ALPACA_ADJUSTMENT', 'TAPEDECK_ALPACA_SYMBOLS'] as const;
  const parsed = envSchema.safeParse(Object.fromEntries(names.map((n) => [n, value(env, n)])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
  }
  const d = parsed.data;
  const feed = d.TAPEDECK_ALPACA_FEED === 'sip' ? 'sip' : 'iex';
  const adjustment = ALPACA_ADJUSTMENTS.find((a) => a === d.TAPEDECK_ALPACA_ADJUSTMENT) ?? ALPACA_DEFAULTS.adjustment;
  const listed = (d.TAPEDECK_ALPACA_SYMBOLS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return {
    dataUrl: d.TAPEDECK_ALPACA_DATA_URL ?? ALPACA_DEFAULTS.dataUrl,
    dataStreamUrl: d.TAPEDECK_ALPACA_DATA_STREAM_URL ?? alpacaStreamUrl(feed),
    feed,
    adjustment,
    symbols: [...listed, ...extraSymbols],
  };
}

const tradingEnvSchema = z.object({
  TAPEDECK_ALPACA_TRADING_URL: url(['http:', 'https:']).optional(),
  TAPEDECK_ALPACA_STREAM_URL: url(['ws:', 'wss:']).optional(),
});

/**
 * The trading endpoints from the environment: TAPEDECK_ALPACA_TRADING_URL
 * (default https://paper-api.alpaca.markets) and TAPEDECK_ALPACA_STREAM_URL
 * (the trade_updates stream, default wss://paper-api.alpaca.markets/stream).
 * Alpaca's live host is refused here, at start-up, with a message naming the
 * variable: Tapedeck trades paper accounts only.
 */
export function alpacaTradingFromEnv(env: Readonly<Record<string, string | undefined>>): AlpacaTradingEndpoints {
  const names = ['TAPEDECK_ALPACA_TRADING_URL', 'TAPEDECK_ALPACA_STREAM_URL'] as const;
  const parsed = tradingEnvSchema.safeParse(Object.fromEntries(names.map((n) => [n, value(env, n)])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
  }
  return paperEndpoints({
    tradingUrl: parsed.data.TAPEDECK_ALPACA_TRADING_URL ?? ALPACA_TRADING_DEFAULTS.tradingUrl,
    streamUrl: parsed.data.TAPEDECK_ALPACA_STREAM_URL ?? ALPACA_TRADING_DEFAULTS.streamUrl,
  });
}

/** What `tapedeck serve` and the CLI run Alpaca with: endpoints and choices from the environment, keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY. */
export interface AlpacaSetup {
  readonly config: AlpacaConfig;
  readonly credentials: AlpacaCredentialsSource;
  /** The paper trading REST host and trade_updates stream (an Alpaca account's broker). */
  readonly trading?: AlpacaTradingEndpoints;
  /** Keys are given: the "Alpaca paper" account exists (made on first start with keys). */
  readonly paperAccount?: boolean;
}

export function alpacaFromEnv(env: Readonly<Record<string, string | undefined>>, extraSymbols: readonly string[] = []): AlpacaSetup {
  const keysGiven = (value(env, 'APCA_API_KEY_ID') ?? '') !== '' && (value(env, 'APCA_API_SECRET_KEY') ?? '') !== '';
  return { config: alpacaConfigFromEnv(env, extraSymbols), credentials: envCredentials(env), trading: alpacaTradingFromEnv(env), paperAccount: keysGiven };
}
