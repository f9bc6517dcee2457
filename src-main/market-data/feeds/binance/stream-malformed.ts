import type { Logger } from '../../../platform/rpc';
import type { WsFailureKind } from './parse-ws';

/** Counts malformed frames per kind and logs only the first of each kind. */
export class MalformedCounter {
  private readonly counts: Record<WsFailureKind, number> = {
    'not-json': 0,
    'no-envelope': 0,
    'unknown-stream': 0,
    'bad-trade': 0,
    'bad-kline': 0,
    'bad-book': 0,
    'bad-control': 0,
  };

  constructor(private readonly log: Logger) {}

  record(kind: WsFailureKind, detail: string): void {
    this.counts[kind] += 1;
    if (this.counts[kind] === 1) {
      this.log.warn(`binance ws: malformed frame (${kind}): ${detail}; further ${kind} frames are only counted`);
    }
  }

  snapshot(): Readonly<Record<WsFailureKind, number>> {
    return { ...this.counts };
  }
}
