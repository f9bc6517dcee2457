import { describe, expect, it } from 'vitest';
import { FrameSlots } from '../../../../src-renderer/chart/frame-slots';

/** Animation frames run by hand. */
function frames(): { nextFrame: (fn: () => void) => void; step(): void; queued(): number } {
  let callbacks: (() => void)[] = [];
  return {
    nextFrame: (fn) => callbacks.push(fn),
    step() {
      const now = callbacks;
      callbacks = [];
      for (const fn of now) fn();
    },
    queued: () => callbacks.length,
  };
}

describe('FrameSlots', () => {
  it('runs one live draw per frame, in the order they were asked for', () => {
    const f = frames();
    const slots = new FrameSlots(f.nextFrame);
    const ran: string[] = [];
    for (const pane of ['a', 'b', 'c']) slots.slot(() => ran.push(pane));
    expect(ran).toEqual([]);
    expect(f.queued()).toBe(1);
    f.step();
    expect(ran).toEqual(['a']);
    f.step();
    expect(ran).toEqual(['a', 'b']);
    slots.slot(() => ran.push('a again'));
    f.step();
    f.step();
    expect(ran).toEqual(['a', 'b', 'c', 'a again']);
    expect(slots.waiting).toBe(0);
    f.step();
    expect(f.queued()).toBe(0);
  });

  it('drops a withdrawn draw and goes on with the next; a draw that throws does not stop the others', () => {
    const f = frames();
    const slots = new FrameSlots(f.nextFrame);
    const ran: string[] = [];
    const withdraw = slots.slot(() => ran.push('a'));
    slots.slot(() => {
      throw new Error('b failed');
    });
    slots.slot(() => ran.push('c'));
    withdraw();
    expect(() => f.step()).toThrow('b failed');
    f.step();
    expect(ran).toEqual(['c']);
  });
});

describe('FrameSlots in a hidden page', () => {
  it('takes the next task instead of an animation frame (a hidden page runs none)', async () => {
    const g = globalThis as { document?: { hidden: boolean } };
    const had = g.document;
    g.document = { hidden: true };
    try {
      const slots = new FrameSlots();
      let ran = 0;
      slots.slot(() => ran++);
      slots.slot(() => ran++);
      await new Promise((r) => setTimeout(r, 5));
      expect(ran).toBe(2);
    } finally {
      if (had === undefined) delete g.document;
      else g.document = had;
    }
  });
});
