import type { EpochMs } from './epoch';

/** One print: price and size as parsed at the edge, the venue's trade id (unique per symbol). */
export interface Trade {
  readonly id: number;
  readonly time: EpochMs;
  readonly price: number;
  readonly size: number;
}
