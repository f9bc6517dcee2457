import type { ReactElement } from 'react';
import type { FeedHealth } from '../../shared/contract';
import { feedTone } from '../app/status-tone';

export interface FeedChipProps {
  readonly feed: FeedHealth;
}

function describe(feed: FeedHealth): string {
  const age = feed.lastMessageAgeMs === null ? 'no message yet' : `last message ${String(feed.lastMessageAgeMs)} ms ago`;
  return `${feed.name} (${feed.id}): ${feed.status}, ${age}, ${String(feed.gapsDetected)} gap(s) detected`;
}

/** One feed in the health badge: its name, status and a SIM tag when it is simulated. */
export function FeedChip({ feed }: FeedChipProps): ReactElement {
  return (
    <span className="feed-chip" title={describe(feed)} data-feed={feed.id} data-feed-status={feed.status}>
      <span className="feed-name">{feed.id.toUpperCase()}</span>
      <span className={`feed-status tone-${feedTone(feed.status)}`}>{feed.status}</span>
      {feed.simulated && <span className="tag tag-sim">SIM</span>}
    </span>
  );
}
