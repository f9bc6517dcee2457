import type { StreamGap } from './stream-options';

/**
 * Remembers, across drops, since when a connection's streams have been blind
 * and which streams were live then; each stream is reported once, when its
 * re-subscription is acknowledged.
 */
export class BlindWindow {
  private from: number | undefined;
  private readonly streams = new Set<string>();

  /** The socket dropped; `lastMessageAt` is when it last said anything. */
  dropped(lastMessageAt: number, live: readonly string[]): void {
    if (live.length === 0 && this.from === undefined) return;
    this.from = Math.min(this.from ?? lastMessageAt, lastMessageAt);
    for (const s of live) this.streams.add(s);
  }

  /** The stream was unsubscribed: nobody needs its gap any more. */
  forget(stream: string): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.from = undefined;
  }

  /** `subscribed` are live again as of `now`: the gap for those of them that were blind. */
  resumed(subscribed: readonly string[], now: number): StreamGap | undefined {
    const from = this.from;
    if (from === undefined) return undefined;
    const streams = subscribed.filter((s) => this.streams.delete(s));
    if (this.streams.size === 0) this.from = undefined;
    return streams.length === 0 ? undefined : { from, to: now, streams };
  }
}
