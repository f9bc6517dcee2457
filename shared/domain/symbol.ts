import { z } from 'zod';
import type { Brand } from './brand';

/** An instrument symbol as the user types it: upper case, e.g. BTCUSDT, AAPL, EUR/USD. */
export type SymbolId = Brand<string, 'SymbolId'>;

export const symbolSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9./-]{0,31}$/, 'a symbol is 1-32 characters: A-Z, 0-9, ".", "/" or "-"')
  .transform((s) => s as SymbolId);
