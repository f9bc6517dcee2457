interface Waiter<T> {
  readonly test: (items: readonly T[]) => boolean;
  readonly resolve: () => void;
}

/**
 * Collects what a callback receives and lets a test await a condition on it:
 * the condition is checked at once and on every push, so nothing that already
 * happened can be missed and no test has to sleep.
 */
export class Collector<T> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];

  readonly push = (item: T): void => {
    this.items.push(item);
    const ready = this.waiters.filter((w) => w.test(this.items));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  };

  /** Resolves once `test(items)` holds; rejects after `timeoutMs`. */
  until(what: string, test: (items: readonly T[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (test(this.items)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The first item (already collected or still to come) that matches. */
  async first(what: string, match: (item: T) => boolean, timeoutMs = 5000): Promise<T> {
    await this.until(what, (items) => items.some(match), timeoutMs);
    const found = this.items.find(match);
    if (found === undefined) throw new Error(`lost ${what}`);
    return found;
  }

  /** How many items match. */
  count(match: (item: T) => boolean): number {
    return this.items.filter(match).length;
  }
}
