import { describe, expect, it } from 'vitest';
import { SharedFlight } from '../../../../src-main/market-data/shared-flight';

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SharedFlight: one load per key, shared by every asker', () => {
  it('runs the work once for concurrent askers and forgets it when done', async () => {
    const flight = new SharedFlight<number>();
    const gate = deferred<number>();
    let runs = 0;
    const work = (): Promise<number> => {
      runs++;
      return gate.promise;
    };
    const a = flight.run('k', work);
    const b = flight.run('k', work, new AbortController().signal);
    expect(flight.active).toBe(1);
    gate.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(runs).toBe(1);
    expect(flight.active).toBe(0);
  });

  it('aborts the work only when every asker has left', async () => {
    const flight = new SharedFlight<number>();
    let seen: AbortSignal | undefined;
    const work = (signal: AbortSignal): Promise<number> => {
      seen = signal;
      return new Promise<number>(() => undefined);
    };
    const one = new AbortController();
    const two = new AbortController();
    const p1 = flight.run('k', work, one.signal);
    const p2 = flight.run('k', work, two.signal);
    one.abort(new Error('first left'));
    await expect(p1).rejects.toThrow('first left');
    expect(seen?.aborted).toBe(false);
    two.abort(new Error('second left'));
    await expect(p2).rejects.toThrow('second left');
    expect(seen?.aborted).toBe(true);
    expect(flight.active).toBe(0);
  });
});
