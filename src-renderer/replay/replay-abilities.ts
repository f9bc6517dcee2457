import type { ReplayState } from '../../shared/contract';

/** Which replay controls make sense now. */
export interface ReplayAbilities {
  readonly start: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly step: boolean;
  readonly seek: boolean;
  readonly stop: boolean;
  /** A replay has a series the chart can show. */
  readonly chart: boolean;
}

const NONE: ReplayAbilities = { start: false, pause: false, resume: false, step: false, seek: false, stop: false, chart: false };

/** From the last known state (null: unknown, so only Start is offered) while no call is in flight. */
export function replayAbilities(replay: ReplayState | null, busy: boolean): ReplayAbilities {
  if (busy) return NONE;
  if (replay === null) return { ...NONE, start: true };
  const hasSeries = replay.symbol !== null;
  switch (replay.status) {
    case 'idle':
      return { ...NONE, start: true };
    case 'playing':
      return { ...NONE, pause: true, step: true, seek: true, stop: true, chart: hasSeries };
    case 'paused':
      return { ...NONE, resume: true, step: true, seek: true, stop: true, chart: hasSeries };
    case 'finished':
      return { ...NONE, start: true, seek: true, stop: true, chart: hasSeries };
  }
}

/** Speeds offered (the contract allows any from 1 to 1000). */
export const REPLAY_SPEEDS = [1, 10, 60, 100, 1000] as const;
