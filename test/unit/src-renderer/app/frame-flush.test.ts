import { describe, expect, it } from 'vitest';
import { createFrameFlush } from '../../../../src-renderer/app/frame-flush';
import { manualFrames } from '../fakes';

describe('createFrameFlush', () => {
  it('flushes once per frame however often it is scheduled', () => {
    const frames = manualFrames();
    let flushes = 0;
    const f = createFrameFlush(() => {
      flushes++;
    }, frames);
    f.schedule();
    f.schedule();
    f.schedule();
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(flushes).toBe(1);
    f.schedule();
    frames.run();
    expect(flushes).toBe(2);
  });

  it('cancels a waiting flush', () => {
    const frames = manualFrames();
    let flushes = 0;
    const f = createFrameFlush(() => {
      flushes++;
    }, frames);
    f.schedule();
    f.cancel();
    expect(frames.run()).toBe(0);
    expect(flushes).toBe(0);
  });
});
