import { describe, expect, it } from 'vitest';
import type { Timer } from '../../../../../src-main/platform/app/clock';
import { TradingActivity } from '../../../../../src-main/trading/service/trading-activity';

/** A hand-driven clock and timer: `advance` moves time and fires what is due, in order. */
function manualTime(): { now: () => number; timer: Timer; advance(ms: number): void; pending(): number } {
  let t = 1_000;
  let timers: { at: number; fn: () => void; live: boolean }[] = [];
  return {
    now: () => t,
    timer: (fn, ms) => {
      const entry = { at: t + ms, fn, live: true };
      timers.push(entry);
      return () => {
        entry.live = false;
      };
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        const due = timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        t = due.at;
        due.live = false;
        due.fn();
      }
      t = end;
      timers = timers.filter((x) => x.live);
    },
    pending: () => timers.filter((x) => x.live).length,
  };
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('TradingActivity', () => {
  it('lets work through at once when the order path has been quiet', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    let done = false;
    void activity.whenQuiet().then(() => (done = true));
    await settle();
    expect(done).toBe(true);
    expect(time.pending()).toBe(0);
  });

  it('holds work until 25 ms pass without an order, each new order pushing it back', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    activity.touch();
    let doneAt: number | null = null;
    void activity.whenQuiet().then(() => (doneAt = time.now()));
    time.advance(10);
    activity.touch(); // another order at 1,010
    time.advance(20); // 1,030: only 20 ms since
    await settle();
    expect(doneAt).toBeNull();
    expect(activity.quiet()).toBe(false);
    time.advance(5); // 1,035 = 1,010 + 25
    await settle();
    expect(doneAt).toBe(1_035);
    expect(activity.quiet()).toBe(true);
  });

  it('never holds work longer than the longest wait, however busy trading is', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    const released: number[] = [];
    activity.touch();
    void activity.whenQuiet().then(() => released.push(time.now()));
    for (let i = 0; i < 300; i++) {
      time.advance(10);
      activity.touch();
      await settle();
    }
    expect(released).toEqual([3_000]);
  });

  it('counts work that lasts (an order, a commit) as busy until it ends, then the quiet time from its end', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    const end = activity.begin(); // at 1,000
    let doneAt: number | null = null;
    void activity.whenQuiet().then(() => (doneAt = time.now()));
    time.advance(100); // a slow commit: still in flight at 1,100
    await settle();
    expect(doneAt).toBeNull();
    expect(activity.quiet()).toBe(false);
    end(); // ends at 1,100
    end(); // a second call changes nothing
    time.advance(24);
    await settle();
    expect(doneAt).toBeNull();
    time.advance(1);
    await settle();
    expect(doneAt).toBe(1_125);
  });

  it('keeps the longest wait while work is in flight', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    activity.begin();
    let doneAt: number | null = null;
    void activity.whenQuiet().then(() => (doneAt = time.now()));
    time.advance(1_999);
    await settle();
    expect(doneAt).toBeNull();
    time.advance(1);
    await settle();
    expect(doneAt).toBe(3_000);
  });

  it('releases every waiter at close', async () => {
    const time = manualTime();
    const activity = new TradingActivity(time.timer, time.now, 25, 2_000);
    activity.touch();
    let n = 0;
    void activity.whenQuiet().then(() => n++);
    void activity.whenQuiet().then(() => n++);
    activity.close();
    await settle();
    expect(n).toBe(2);
    expect(time.pending()).toBe(0);
  });
});
