import type { ReactElement } from 'react';
import type { FeedHealth } from '../../shared/contract';
import type { SourceId } from '../../shared/domain/source';
import { feedTone } from '../app/status-tone';

export interface FeedChipProps {
  readonly feed: FeedHealth;
  /** Sources now serving this OFFLINE feed's symbols (e.g. ['sim']); empty when none stand in. */
  readonly fallback: readonly SourceId[];
}

function describe(feed: FeedHealth, fallback: readonly SourceId[]): string {
  const age = feed.lastMessageAgeMs === null ? 'no message yet' : `last message ${String(feed.lastMessageAgeMs)} ms ago`;
  const standIn = fallback.length === 0 ? '' : `; its symbols are shown from ${fallback.map((s) => s.toUpperCase()).join(', ')}`;
  return `${feed.name} (${feed.id}): ${feed.status}, ${age}, ${String(feed.gapsDetected)} gap(s) detected${standIn}`;
}

/**
 * One feed in the health badge: its name, status and a SIM tag when it is
 * simulated. An OFFLINE feed whose symbols another source serves says so
 * ("BINANCE OFFLINE · SIM") in a warning tone rather than an alarm.
 */
export function FeedChip({ feed, fallback }: FeedChipProps): ReactElement {
  const covered = fallback.length > 0;
  const tone = covered ? 'warn' : feedTone(feed.status);
  return (
    <span className="feed-chip" title={describe(feed, fallback)} data-feed={feed.id} data-feed-status={feed.status}>
      <span className="feed-name">{feed.id.toUpperCase()}</span>
      <span className={`feed-status tone-${tone}`}>{feed.status}</span>
      {feed.simulated && <span className="tag tag-sim">SIM</span>}
      {covered && (
        <span className="feed-fallback" data-testid="feed-fallback">
          · {fallback.map((s) => s.toUpperCase()).join(' ')}
        </span>
      )}
    </span>
  );
}
