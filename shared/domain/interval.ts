import { z } from 'zod';

/** Bar intervals Tapedeck charts. 1m is stored; the rest are derived from it. */
export const INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const;
export type Interval = (typeof INTERVALS)[number];
export const intervalSchema = z.enum(INTERVALS);
