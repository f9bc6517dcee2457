import { z } from 'zod';

/**
 * How a market trades, which decides its sessions and its bar alignment:
 * crypto 24/7 on UTC boundaries; US equities 09:30-16:00 America/New_York on
 * exchange days, intraday buckets anchored at the open; FX 24/5 on UTC
 * boundaries, closed from Friday 17:00 to Sunday 17:00 New York time.
 */
export const MARKET_KINDS = ['crypto', 'us-equity', 'fx'] as const;
export type MarketKind = (typeof MARKET_KINDS)[number];
export const marketKindSchema = z.enum(MARKET_KINDS);
