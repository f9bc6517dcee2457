import { z } from 'zod';

/** Market-data sources. `sim` is the offline default and is always badged SIM. */
export const FEED_IDS = ['sim', 'binance', 'alpaca', 'replay'] as const;
export const feedIdSchema = z.enum(FEED_IDS);
export type FeedId = z.infer<typeof feedIdSchema>;

/** Health of one feed as shown in the top-bar badge. */
export const FEED_STATUSES = ['LIVE', 'DEGRADED', 'BACKFILLING', 'REPLAY', 'OFFLINE'] as const;
export const feedStatusSchema = z.enum(FEED_STATUSES);
export type FeedStatus = z.infer<typeof feedStatusSchema>;
