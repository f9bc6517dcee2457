import { useMemo, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { healthTone } from '../app/status-tone';
import { useNow } from '../app/use-now';
import { feedFallbacks } from '../feeds/feed-fallbacks';
import { SIM_FEED } from '../feeds/source-resolution';
import { useFeedSituation } from '../feeds/use-feed-situation';
import { formatAge, LIVE_AGE_MS } from '../format/format-age';
import { FeedChip } from './feed-chip';

/** Before the first snapshot arrives the badge reports this status. */
const PENDING = 'PENDING';
const NONE: readonly never[] = [];

/**
 * Live `app.health`: overall status (as the core reports it), each feed with
 * what stands in for it while it is OFFLINE, and how fresh the last update is.
 */
export function HealthBadge(): ReactElement {
  const stores = useAppStores();
  const health = useStore(stores.health, (s) => s.health);
  const receivedAt = useStore(stores.health, (s) => s.receivedAt);
  const defaultFeed = useStore(stores.settings, (s) => s.settings?.defaultFeed ?? SIM_FEED);
  const situation = useFeedSituation();
  const fallbacks = useMemo(() => feedFallbacks(situation, defaultFeed), [situation, defaultFeed]);
  const now = useNow(1_000);

  const status = health?.status ?? PENDING;
  const tone = health === null ? 'muted' : healthTone(health.status);
  const ageMs = receivedAt === null ? null : Math.max(0, now - receivedAt);
  const stale = ageMs !== null && ageMs >= LIVE_AGE_MS;

  return (
    <div
      className={stale ? 'health-badge is-stale' : 'health-badge'}
      data-testid="health-badge"
      data-status={status}
      title={health === null ? 'Waiting for the first health report' : `Core health: ${status}`}
    >
      <span className={`status-dot tone-${tone}`} aria-hidden="true" />
      <span className={`health-status tone-${tone}`}>{status}</span>
      <span className="health-feeds">
        {health !== null && health.feeds.length === 0 && <span className="tag tag-nofeed">NO FEED</span>}
        {health?.feeds.map((feed) => <FeedChip key={feed.id} feed={feed} fallback={fallbacks.get(feed.id) ?? NONE} />)}
      </span>
      <span className="health-age" data-testid="health-age">
        {ageMs === null ? '—' : formatAge(ageMs)}
      </span>
    </div>
  );
}
