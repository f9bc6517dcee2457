/** Runs `run` in a frame of its own; the returned function withdraws it if it has not run yet. */
export type FrameSlot = (run: () => void) => () => void;

/**
 * Live redraws of every pane in the window, one per animation frame, in the
 * order they were asked for. A live draw updates a pane's series, and
 * lightweight-charts repaints that chart on the next frame; four panes
 * updated in the same frame paint in the same frame, one long task four
 * times a pane's paint (and its garbage). Taking turns, a frame holds at most
 * one pane's paint; at 60 frames a second, four panes at five live draws a
 * second each are drawn within a third of the frames.
 */
export class FrameSlots {
  private readonly queue = new Set<{ run: () => void }>();
  private scheduled = false;

  constructor(private readonly nextFrame: (fn: () => void) => void = nextPaintOrTask) {}

  readonly slot: FrameSlot = (run) => {
    const entry = { run };
    this.queue.add(entry);
    this.schedule();
    return () => {
      this.queue.delete(entry);
    };
  };

  /** Live draws waiting for their frame. */
  get waiting(): number {
    return this.queue.size;
  }

  private schedule(): void {
    if (this.scheduled || this.queue.size === 0) return;
    this.scheduled = true;
    this.nextFrame(() => {
      this.scheduled = false;
      const first = this.queue.values().next();
      if (!first.done) {
        this.queue.delete(first.value);
        try {
          first.value.run();
        } finally {
          this.schedule();
        }
      }
    });
  }
}

/**
 * The next animation frame, or, in a hidden page (another tab, a minimised
 * window), the next task: a hidden page runs no animation frames, and its
 * charts must still take their ticks (a fill's screenshot is taken of them).
 */
function nextPaintOrTask(fn: () => void): void {
  if (typeof document !== 'undefined' && document.hidden) setTimeout(fn, 0);
  else requestAnimationFrame(() => fn());
}

/** The window's turn-taking for live draws (every pane's sink shares it). */
export const windowFrameSlots = new FrameSlots();
