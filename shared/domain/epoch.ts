import { z } from 'zod';
import type { Brand } from './brand';

/** Milliseconds since the Unix epoch, UTC. */
export type EpochMs = Brand<number, 'EpochMs'>;

export const epochMsSchema = z
  .number()
  .int()
  .nonnegative()
  .transform((n) => n as EpochMs);

/** Wraps a wall-clock reading taken at an edge (never inside the pure core). */
export function asEpochMs(ms: number): EpochMs {
  return epochMsSchema.parse(ms);
}
