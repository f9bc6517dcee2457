import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { event, method, noParams } from './define';

export const MIN_REPLAY_SPEED = 1;
export const MAX_REPLAY_SPEED = 1000;
const speedSchema = z.number().min(MIN_REPLAY_SPEED).max(MAX_REPLAY_SPEED);

export const REPLAY_STATUSES = ['idle', 'playing', 'paused', 'finished'] as const;

export const replayStateSchema = z.object({
  status: z.enum(REPLAY_STATUSES),
  /** The stored series being replayed (null when idle). */
  source: sourceSchema.nullable(),
  symbol: symbolSchema.nullable(),
  from: epochMsSchema.nullable(),
  to: epochMsSchema.nullable(),
  /** Replay clock: bars before it have been played. */
  cursor: epochMsSchema.nullable(),
  speed: speedSchema,
});
export type ReplayState = z.infer<typeof replayStateSchema>;

export const replayStartSchema = z
  .object({
    source: sourceSchema,
    symbol: symbolSchema,
    from: epochMsSchema,
    to: epochMsSchema,
    speed: speedSchema.default(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.from >= p.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
  });
export type ReplayStart = z.output<typeof replayStartSchema>;

export const replayMethods = {
  'replay.start': method({
    description: 'Plays stored 1m bars of one series as the live `replay` feed, from `from`, at 1-1000x.',
    params: replayStartSchema,
    result: replayStateSchema,
  }),
  'replay.pause': method({ description: 'Pauses playback.', params: noParams, result: replayStateSchema }),
  'replay.resume': method({ description: 'Resumes playback.', params: noParams, result: replayStateSchema }),
  'replay.step': method({ description: 'Plays exactly one bar, then pauses.', params: noParams, result: replayStateSchema }),
  'replay.seek': method({
    description: 'Jumps the replay clock to `time` (within the range); bars before it become history.',
    params: z.object({ time: epochMsSchema }).strict(),
    result: replayStateSchema,
  }),
  'replay.setSpeed': method({
    description: 'Sets the speed: 1x is real time, 1000x plays a 1m bar in 60 ms.',
    params: z.object({ speed: speedSchema }).strict(),
    result: replayStateSchema,
  }),
  'replay.stop': method({ description: 'Ends the replay; the replay feed goes OFFLINE.', params: noParams, result: replayStateSchema }),
  'replay.state': method({ description: 'The replay state now.', params: noParams, result: replayStateSchema }),
};

export const replayEvents = {
  'replay.changed': event({
    description: 'The replay state now, then on every change (status, cursor by bar, speed).',
    params: noParams,
    payload: replayStateSchema,
  }),
};
