/** Frames taken from one client per turn of the event loop: a burst cannot hold the loop for everyone else. */
export const FRAMES_PER_TURN = 16;
/**
 * A frame this long (characters, or bytes for a binary frame: a pane's
 * picture is ~300 KB) ends its turn: after parsing it the loop goes round, so
 * an order frame from another client, a fill or a timer waiting meanwhile is
 * handled before the next big frame is parsed.
 */
export const LARGE_FRAME_CHARS = 64 * 1024;
/** Frames one client may have waiting; past it each further frame is refused at once. */
export const MAX_QUEUED_FRAMES = 4096;

/**
 * One client's incoming frames, handled in order but a few per turn of the
 * event loop (setImmediate between batches), so 2,000 frames sent at once
 * are spread out and another client's app.health is answered in between; a
 * large frame is a batch of its own.
 */
export class InboundQueue<F extends { readonly length: number } = string> {
  private readonly frames: F[] = [];
  private head = 0;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly handle: (frame: F) => void,
    /** Called instead of `handle` for a frame that finds the queue full. */
    private readonly overflow: (frame: F) => void,
  ) {}

  push(frame: F): void {
    if (this.closed) return;
    if (this.frames.length - this.head >= MAX_QUEUED_FRAMES) {
      this.overflow(frame);
      return;
    }
    this.frames.push(frame);
    this.schedule();
  }

  close(): void {
    this.closed = true;
    this.frames.length = 0;
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    let n = 0;
    while (!this.closed && this.head < this.frames.length && n < FRAMES_PER_TURN) {
      const frame = this.frames[this.head++];
      if (frame === undefined) break;
      n = frame.length >= LARGE_FRAME_CHARS ? FRAMES_PER_TURN : n + 1;
      this.handle(frame);
    }
    if (this.head >= this.frames.length) {
      this.frames.length = 0;
      this.head = 0;
    } else if (this.head > 1024) {
      this.frames.splice(0, this.head);
      this.head = 0;
    }
    if (this.head < this.frames.length) this.schedule();
  }
}
