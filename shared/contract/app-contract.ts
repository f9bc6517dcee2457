import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { feedIdSchema, feedStatusSchema } from '../domain/feed';
import { event, method, noParams } from './define';

export const RUN_MODES = ['electron', 'serve', 'cli'] as const;

export const appInfoSchema = z.object({
  name: z.literal('Tapedeck'),
  version: z.string(),
  mode: z.enum(RUN_MODES),
  platform: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    sqlite: z.string(),
  }),
  dataDir: z.string(),
  startedAt: epochMsSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const feedHealthSchema = z.object({
  id: feedIdSchema,
  name: z.string(),
  status: feedStatusSchema,
  simulated: z.boolean(),
  lastMessageAgeMs: z.number().int().nonnegative().nullable(),
  gapsDetected: z.number().int().nonnegative(),
  /** Why the feed is not plainly LIVE (no keys, keys refused, unreachable, a stream problem); never carries a secret. */
  reason: z.string().max(300).optional(),
});
export type FeedHealth = z.infer<typeof feedHealthSchema>;

export const HEALTH_STATUSES = ['OK', 'DEGRADED', 'DOWN'] as const;

export const appHealthSchema = z.object({
  status: z.enum(HEALTH_STATUSES),
  checkedAt: epochMsSchema,
  uptimeMs: z.number().int().nonnegative(),
  store: z.object({
    ok: z.boolean(),
    schemaVersion: z.number().int().nonnegative(),
    journalMode: z.string(),
    error: z.string().nullable(),
  }),
  feeds: z.array(feedHealthSchema),
  clients: z.number().int().nonnegative(),
});
export type AppHealth = z.infer<typeof appHealthSchema>;

export const appMethods = {
  'app.info': method({
    description: 'Static facts about this running instance: version, mode, data directory.',
    params: noParams,
    result: appInfoSchema,
  }),
  'app.health': method({
    description: 'A fresh health check: store, feeds and connected clients.',
    params: noParams,
    result: appHealthSchema,
  }),
};

export const appEvents = {
  'app.health': event({
    description: 'Health snapshot now, then again every second and on every change.',
    params: noParams,
    payload: appHealthSchema,
  }),
};
