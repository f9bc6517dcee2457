/** Counts events in a sliding window: how Binance limits incoming messages per connection. */
export class RateWindow {
  private readonly times: number[] = [];
  private peak = 0;

  constructor(private readonly windowMs: number) {}

  /** Records one event at `now`; returns how many fall in (now - windowMs, now]. */
  hit(now: number): number {
    this.times.push(now);
    while (this.times.length > 0 && (this.times[0] ?? now) <= now - this.windowMs) this.times.shift();
    this.peak = Math.max(this.peak, this.times.length);
    return this.times.length;
  }

  /** The most events ever seen in one window. */
  get max(): number {
    return this.peak;
  }
}
