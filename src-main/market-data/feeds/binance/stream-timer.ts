import type { StreamTimers } from './stream-options';

/** One pending timeout at a time: arming again replaces it. */
export class OneShotTimer {
  private handle: unknown;
  private armed = false;

  constructor(private readonly timers: StreamTimers) {}

  get pending(): boolean {
    return this.armed;
  }

  arm(ms: number, fn: () => void): void {
    this.cancel();
    this.armed = true;
    this.handle = this.timers.setTimeout(() => {
      this.armed = false;
      fn();
    }, Math.max(0, ms));
  }

  cancel(): void {
    if (!this.armed) return;
    this.armed = false;
    this.timers.clearTimeout(this.handle);
  }
}
