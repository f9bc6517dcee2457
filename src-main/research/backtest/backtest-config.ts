import { z } from 'zod';
import { backtestCostsSchema } from '../../../shared/contract/backtest-contract';
import { formatPath } from '../../../shared/contract/validation';
import { marketKindSchema } from '../../../shared/market/market-kind';
import type { BacktestError } from './backtest-error';

/**
 * How a backtest runs. The costs and rules a user picks are the contract's
 * `backtestCostsSchema` (one definition for the UI, the CLI and the engine);
 * the engine adds what it needs to know about the series:
 * - `cash`: starting cash (default 10,000);
 * - `commissionRate`: a rate of each fill's notional (default 0; the UI presets use 0.001);
 * - `commissionFixed`: a fee added to every fill (default 0);
 * - `slippageBps`: every fill's price is made worse by this many basis points
 *   (buy higher, sell lower; default 0);
 * - `spread`: a quoted bid/ask spread in price units; every fill pays half of it
 *   (buy at price + spread/2, sell at price - spread/2; default 0). Slippage
 *   and spread add up when both are given;
 * - `allowShort`: long/short instead of long-only (default false here: the
 *   engine does not know the strategy; the run service and the CLI fill in
 *   the strategy's `shortsByDefault` when the user leaves it out);
 * - `fractional`: units in steps of 1e-8 instead of whole units (crypto; default false);
 * - `closeAtEnd`: close an open position at the last bar's close (default true);
 * - `market`: decides the periods per year of the annualised statistics;
 * - `intervalMs`: the bar length (annualisation and CAGR's time span).
 */
export const backtestConfigSchema = backtestCostsSchema
  .extend({
    allowShort: z.boolean().default(false),
    closeAtEnd: z.boolean().default(true),
    market: marketKindSchema,
    intervalMs: z.number().int().positive(),
  })
  .strict();

export type BacktestConfig = z.output<typeof backtestConfigSchema>;
/** What a caller may pass: every cost and rule is optional and defaulted. */
export type BacktestConfigInput = z.input<typeof backtestConfigSchema>;

export type ConfigResult = { readonly ok: true; readonly config: BacktestConfig } | { readonly ok: false; readonly error: BacktestError };

/** Fills defaults and checks a config; a refusal names the first field at fault. */
export function parseBacktestConfig(input: unknown): ConfigResult {
  const parsed = backtestConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  // An unknown key is reported on the object: name the key itself.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = formatPath('', unknownKey === undefined ? path : [...path, unknownKey]);
  const message = issue === undefined ? 'invalid config' : `${field === '' ? 'config' : field}: ${issue.message}`;
  return { ok: false, error: { kind: 'config', field, message } };
}
