/** Where a flush waits for the next frame (requestAnimationFrame in the window, a fake in tests). */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => {
    cancelAnimationFrame(handle);
  },
};

/** Runs `flush` at most once per frame however often `schedule` is called. */
export interface FrameFlush {
  schedule(): void;
  cancel(): void;
}

export function createFrameFlush(flush: () => void, frames: FrameScheduler = animationFrames): FrameFlush {
  let handle: number | null = null;
  return {
    schedule() {
      if (handle !== null) return;
      handle = frames.request(() => {
        handle = null;
        flush();
      });
    },
    cancel() {
      if (handle === null) return;
      frames.cancel(handle);
      handle = null;
    },
  };
}
