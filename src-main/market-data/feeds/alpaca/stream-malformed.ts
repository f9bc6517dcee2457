import type { Logger } from '../../../platform/rpc';
import { WS_FAILURE_KINDS, type WsFailure, type WsFailureKind } from './parse-ws';

/** Counts malformed stream messages per kind and logs only the first of each kind. */
export class MalformedCounter {
  private readonly counts = Object.fromEntries(WS_FAILURE_KINDS.map((k) => [k, 0])) as Record<WsFailureKind, number>;

  constructor(private readonly log: Logger) {}

  record(failure: WsFailure): void {
    this.counts[failure.kind] += 1;
    if (this.counts[failure.kind] === 1) {
      this.log.warn(`alpaca stream: malformed message (${failure.kind}): ${failure.detail}; further ${failure.kind} messages are only counted`);
    }
  }

  snapshot(): Readonly<Record<WsFailureKind, number>> {
    return { ...this.counts };
  }
}
