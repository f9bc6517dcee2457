import { z } from 'zod';
import { BINANCE_DEFAULTS, type BinanceConfig } from '../../market-data/feeds/binance/config';

const url = (protocols: readonly string[]) =>
  z
    .url()
    .refine((u) => protocols.includes(new URL(u).protocol), `must be a ${protocols.join(' or ')} URL`)
    .transform((u) => u.replace(/\/+$/, ''));

const envSchema = z.object({
  TAPEDECK_BINANCE_REST_URL: url(['http:', 'https:']).optional(),
  TAPEDECK_BINANCE_WS_URL: url(['ws:', 'wss:']).optional(),
  TAPEDECK_BINANCE_VISION_URL: url(['http:', 'https:']).optional(),
});

/**
 * Binance endpoints: the public market-data hosts, or others named in the
 * environment (a local fake in tests, a proxy). A bad value is refused naming
 * the variable, never half-applied.
 */
export function binanceConfigFromEnv(env: Readonly<Record<string, string | undefined>>): BinanceConfig {
  const parsed = envSchema.safeParse({
    TAPEDECK_BINANCE_REST_URL: env.TAPEDECK_BINANCE_REST_URL,
    TAPEDECK_BINANCE_WS_URL: env.TAPEDECK_BINANCE_WS_URL,
    TAPEDECK_BINANCE_VISION_URL: env.TAPEDECK_BINANCE_VISION_URL,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
  }
  return {
    restBaseUrl: parsed.data.TAPEDECK_BINANCE_REST_URL ?? BINANCE_DEFAULTS.restBaseUrl,
    wsBaseUrl: parsed.data.TAPEDECK_BINANCE_WS_URL ?? BINANCE_DEFAULTS.wsBaseUrl,
    visionBaseUrl: parsed.data.TAPEDECK_BINANCE_VISION_URL ?? BINANCE_DEFAULTS.visionBaseUrl,
  };
}
