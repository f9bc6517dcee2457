import type { AppHealth } from '../../shared/contract';
import type { FeedStatus } from '../../shared/domain/feed';
import type { ConnectionState } from '../api/connection';

/** The colour family a status is drawn in (CSS classes `tone-<tone>`). */
export type Tone = 'good' | 'warn' | 'bad' | 'info' | 'muted';

export function healthTone(status: AppHealth['status']): Tone {
  switch (status) {
    case 'OK':
      return 'good';
    case 'DEGRADED':
      return 'warn';
    case 'DOWN':
      return 'bad';
  }
}

export function feedTone(status: FeedStatus): Tone {
  switch (status) {
    case 'LIVE':
      return 'good';
    case 'DEGRADED':
      return 'warn';
    case 'BACKFILLING':
    case 'REPLAY':
      return 'info';
    case 'OFFLINE':
      return 'bad';
  }
}

export function connectionTone(state: ConnectionState): Tone {
  switch (state) {
    case 'open':
      return 'good';
    case 'connecting':
      return 'info';
    case 'reconnecting':
      return 'warn';
  }
}
