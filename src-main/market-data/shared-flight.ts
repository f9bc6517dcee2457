/**
 * One piece of work per key, shared by everyone who asks while it runs
 * (single flight): 72 charts opening the same series load its history once.
 * Each joiner may leave (its own signal aborts); when every joiner has left,
 * the work itself is aborted, so nobody's abandoned request keeps a worker
 * busy.
 */
export class SharedFlight<T> {
  private readonly flights = new Map<string, { promise: Promise<T>; abort: AbortController; joiners: number }>();

  run(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted === true) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    let flight = this.flights.get(key);
    if (flight === undefined) {
      const abort = new AbortController();
      const created = { promise: work(abort.signal), abort, joiners: 0 };
      flight = created;
      this.flights.set(key, created);
      const forget = (): void => {
        if (this.flights.get(key) === created) this.flights.delete(key);
      };
      created.promise.then(forget, forget);
    }
    const joined = flight;
    joined.joiners += 1;
    if (signal === undefined) return joined.promise;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        joined.joiners -= 1;
        if (joined.joiners === 0) {
          joined.abort.abort();
          if (this.flights.get(key) === joined) this.flights.delete(key);
        }
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal.addEventListener('abort', leave, { once: true });
      joined.promise.then(
        (v) => {
          signal.removeEventListener('abort', leave);
          if (!left) resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', leave);
          if (!left) reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Keys being worked on now. */
  get active(): number {
    return this.flights.size;
  }
}
