import { z } from 'zod';
import type { Clock } from '../app/clock';

const envSchema = z.object({
  TAPEDECK_CLOCK_START: z.iso.datetime({ offset: true, message: 'must be an ISO instant, e.g. 2026-12-04T15:30:00Z' }).optional(),
});

/**
 * The clock of a served core: the wall clock, or one that starts at
 * TAPEDECK_CLOCK_START and runs at the wall clock's pace (a session of the
 * simulated US market on a weekend: demos and the e2e tests). A bad value is
 * refused naming the variable.
 */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>, wall: () => number = Date.now): Clock | undefined {
  const parsed = envSchema.safeParse({ TAPEDECK_CLOCK_START: env.TAPEDECK_CLOCK_START === '' ? undefined : env.TAPEDECK_CLOCK_START });
  if (!parsed.success) throw new Error(`TAPEDECK_CLOCK_START: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const start = parsed.data.TAPEDECK_CLOCK_START;
  if (start === undefined) return undefined;
  const offset = Date.parse(start) - wall();
  return { now: () => wall() + offset };
}
