import type { StreamGap } from './stream-options';

/**
 * Remembers, across drops, since when the stream has been blind and which
 * symbols were streaming then; each symbol is reported once, when the server
 * lists it again after a reconnect.
 */
export class BlindWindow {
  private from: number | undefined;
  private readonly symbols = new Set<string>();

  /** The socket dropped; `lastMessageAt` is when it last said anything; `live` were streaming. */
  dropped(lastMessageAt: number, live: readonly string[]): void {
    if (live.length === 0 && this.from === undefined) return;
    this.from = Math.min(this.from ?? lastMessageAt, lastMessageAt);
    for (const s of live) this.symbols.add(s);
  }

  /** Nobody wants `symbol` any more: nobody needs its gap. */
  forget(symbol: string): void {
    this.symbols.delete(symbol);
    if (this.symbols.size === 0) this.from = undefined;
  }

  /** `resumed` stream again as of `now`: the gap of those of them that were blind. */
  resumed(resumed: Iterable<string>, now: number): StreamGap | undefined {
    const from = this.from;
    if (from === undefined) return undefined;
    const symbols = [...resumed].filter((s) => this.symbols.delete(s));
    if (this.symbols.size === 0) this.from = undefined;
    return symbols.length === 0 ? undefined : { from, to: now, symbols };
  }
}
