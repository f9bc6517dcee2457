import { z } from 'zod';
import type { Brand } from './brand';

/** Milliseconds since the Unix epoch, UTC. */
export type EpochMs = Brand<number, 'EpochMs'>;

/**
 * The instants Tapedeck handles: 1970-01-01T00:00Z (no negative times) up to
 * 2100-01-01T00:00Z inclusive, which serves as an exclusive end; a bar must
 * open before it. The CSV importers, the `--from`/`--to` flags, the bar
 * store and the contract all hold to this one range.
 */
export const EPOCH_MS_MIN = 0;
export const EPOCH_MS_MAX = 4_102_444_800_000;
/** The range as a user reads it in a refusal. */
export const EPOCH_RANGE_TEXT = 'the supported range 1970-01-01..2100-01-01 (UTC)';

/** Whether `t` is a whole instant inside the range. */
export function isEpochMs(t: number): boolean {
  return Number.isInteger(t) && t >= EPOCH_MS_MIN && t <= EPOCH_MS_MAX;
}

export const epochMsSchema = z
  .number()
  .int()
  .min(EPOCH_MS_MIN, `must be a time in ${EPOCH_RANGE_TEXT}`)
  .max(EPOCH_MS_MAX, `must be a time in ${EPOCH_RANGE_TEXT}`)
  .transform((n) => n as EpochMs);

/** Wraps a wall-clock reading taken at an edge (never inside the pure core). */
export function asEpochMs(ms: number): EpochMs {
  return epochMsSchema.parse(ms);
}
