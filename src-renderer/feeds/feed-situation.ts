import type { AppHealth, FeedInfo } from '../../shared/contract';
import type { FeedStatus } from '../../shared/domain/feed';

/** Each feed's health status by feed id, as `app.health` last reported it. */
export type FeedStatuses = Readonly<Partial<Record<string, FeedStatus>>>;

/** What choosing a source reads: the feeds with their instruments and each feed's status. */
export interface FeedSituation {
  readonly feeds: readonly FeedInfo[];
  readonly statuses: FeedStatuses;
}

/** The status of every feed in a health snapshot; null before the first one. */
export function feedStatuses(health: AppHealth | null): FeedStatuses | null {
  if (health === null) return null;
  const statuses: Partial<Record<string, FeedStatus>> = {};
  for (const feed of health.feeds) statuses[feed.id] = feed.status;
  return statuses;
}

/**
 * The situation once both `feeds.list` and the first health snapshot are in;
 * null while either is pending. A list that could not be read counts as empty,
 * so sources still resolve (to the default feed).
 */
export function feedSituation(feeds: readonly FeedInfo[] | null, listFailed: boolean, statuses: FeedStatuses | null): FeedSituation | null {
  const list = feeds ?? (listFailed ? [] : null);
  if (list === null || statuses === null) return null;
  return { feeds: list, statuses };
}
