import { describe, expect, it } from 'vitest';
import { StreamHub } from '../../../../../src-main/market-data/engine/stream-hub';

interface U {
  readonly key: number;
  readonly v: number;
}

function setup() {
  const opened: string[] = [];
  const closed: string[] = [];
  const pushers = new Map<string, (u: U) => void>();
  const timers = new Set<() => void>();
  const hub = new StreamHub<U>(
    (key) => (push) => {
      opened.push(key);
      pushers.set(key, push);
      return () => closed.push(key);
    },
    (u) => u.key,
    (fn) => {
      timers.add(fn);
      return () => timers.delete(fn);
    },
  );
  return { hub, opened, closed, push: (key: string, u: U) => pushers.get(key)?.(u), tick: () => [...timers].forEach((f) => f()), timers };
}

describe('StreamHub', () => {
  it('opens the upstream for the first subscriber and closes it after the last', () => {
    const { hub, opened, closed } = setup();
    const a = hub.subscribe('BTC', { deliver: () => undefined });
    const b = hub.subscribe('BTC', { deliver: () => undefined });
    const c = hub.subscribe('BTC', { deliver: () => undefined });
    expect(opened).toEqual(['BTC']);
    expect(hub.refCount('BTC')).toBe(3);
    a();
    b();
    b(); // a second call changes nothing
    expect(closed).toEqual([]);
    c();
    expect(closed).toEqual(['BTC']);
    expect(hub.openStreams).toBe(0);
  });

  it('fans every update out to every subscriber', () => {
    const { hub, push } = setup();
    const got: number[][] = [[], []];
    hub.subscribe('X', { deliver: (u) => got[0]!.push(u.v) });
    hub.subscribe('X', { deliver: (u) => got[1]!.push(u.v) });
    push('X', { key: 1, v: 1 });
    push('X', { key: 1, v: 2 });
    expect(got).toEqual([[1, 2], [1, 2]]);
  });

  it('coalesces for a busy subscriber (latest per key wins) without holding back the others', () => {
    const { hub, push, tick, timers } = setup();
    let busy = true;
    const slow: U[] = [];
    const fast: U[] = [];
    hub.subscribe('X', { deliver: (u) => slow.push(u), isBusy: () => busy });
    hub.subscribe('X', { deliver: (u) => fast.push(u) });
    for (let v = 1; v <= 1000; v++) push('X', { key: v % 2, v });
    expect(fast).toHaveLength(1000);
    expect(slow).toHaveLength(0);
    tick();
    expect(slow).toHaveLength(0);
    busy = false;
    tick();
    expect(slow).toEqual([{ key: 1, v: 999 }, { key: 0, v: 1000 }]);
    expect(timers.size).toBe(0);
  });

  it('keeps streams of different keys apart', () => {
    const { hub, push, opened } = setup();
    const btc: number[] = [];
    hub.subscribe('BTC', { deliver: (u) => btc.push(u.v) });
    hub.subscribe('ETH', { deliver: () => undefined });
    push('ETH', { key: 1, v: 7 });
    expect(btc).toEqual([]);
    expect(opened).toEqual(['BTC', 'ETH']);
  });

  it('leaves nothing behind when an upstream fails to open, so a later subscriber opens it afresh', () => {
    let fail = true;
    const opened: string[] = [];
    const hub = new StreamHub<U>(
      (key) => () => {
        if (fail) throw new Error(`no upstream for ${key}`);
        opened.push(key);
        return () => undefined;
      },
      (u) => u.key,
      () => () => undefined,
    );
    expect(() => hub.subscribe('X', { deliver: () => undefined })).toThrow(/no upstream for X/);
    expect(hub.refCount('X')).toBe(0);
    expect(hub.openStreams).toBe(0);
    fail = false;
    hub.subscribe('X', { deliver: () => undefined });
    expect(opened).toEqual(['X']);
    expect(hub.refCount('X')).toBe(1);
  });
});
