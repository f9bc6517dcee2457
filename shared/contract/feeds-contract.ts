import { z } from 'zod';
import { feedIdSchema } from '../domain/feed';
import { instrumentSchema } from '../domain/instrument';
import { feedHealthSchema } from './app-contract';
import { method, noParams } from './define';

export const feedInfoSchema = z.object({
  id: feedIdSchema,
  name: z.string(),
  simulated: z.boolean(),
  instruments: z.array(instrumentSchema),
});
export type FeedInfo = z.infer<typeof feedInfoSchema>;

export const feedsMethods = {
  'feeds.list': method({
    description: 'Every market-data feed with its instruments.',
    params: noParams,
    result: z.array(feedInfoSchema),
  }),
  'feeds.health': method({
    description: 'Per feed: LIVE | DEGRADED | BACKFILLING | REPLAY | OFFLINE, last message age, gaps detected.',
    params: noParams,
    result: z.array(feedHealthSchema),
  }),
};
