import { randomUUID } from 'node:crypto';
import type { CaptureRequest, PaneImage, Screenshot } from '../../shared/contract';
import type { SymbolId } from '../../shared/domain/symbol';
import type { MediaStore } from './media-store';

/** How long a capture waits for a window to answer. */
export const CAPTURE_TIMEOUT_MS = 5_000;

interface Waiting {
  readonly shots: Screenshot[];
  /** Images being written to disk (a capture resolves once they are in place). */
  readonly writes: Promise<void>[];
  readonly resolve: (shots: Screenshot[]) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Screenshots of the workstation's panes, taken by the renderer (the chart's
 * own canvas: levels, markers and orders drawn on it) at the core's request:
 * a capture request goes to every window following `chart.captureRequests`;
 * the first to answer (one `chart.paneImage` per pane) wins; each image is
 * stored by its hash, written off the event loop (once the order path is quiet). Nothing waits on it but
 * its caller: a fill is journaled whether or not a window answers (a
 * missing image is reported, never invented), and capture never delays an
 * order.
 */
export class ScreenshotService {
  private readonly listeners = new Set<(r: CaptureRequest) => void>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly media: MediaStore,
    private readonly timeoutMs = CAPTURE_TIMEOUT_MS,
    private readonly onWriteError: (err: unknown) => void = () => undefined,
  ) {}

  /** A window following capture requests (the renderer subscribes at start). */
  onRequest(listener: (r: CaptureRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get windows(): number {
    return this.listeners.size;
  }

  /** Asks the windows for the panes showing `symbol` (or all); resolves with what was stored, what arrived in time after the time-out. */
  capture(symbol: SymbolId | null, reason: string): Promise<Screenshot[]> {
    if (this.listeners.size === 0) return Promise.resolve([]);
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(requestId), this.timeoutMs);
      timer.unref();
      this.waiting.set(requestId, { shots: [], writes: [], resolve, timer });
      for (const listener of this.listeners) listener({ requestId, symbol, reason });
    });
  }

  /** One pane's image for a request; false when the request is unknown or already answered. */
  accept(image: PaneImage): boolean {
    const w = this.waiting.get(image.requestId);
    if (w === undefined) return false;
    // Handed to the media writer's thread, which hashes (decodes, for base64) and writes it once trading is quiet.
    const put = image.bytes === undefined ? this.media.putBase64Async(image.png ?? '', 'png') : this.media.putAsync(image.bytes, 'png');
    const write = put.then(
      (stored) => {
        w.shots.push({ ...stored, pane: image.pane, symbol: image.symbol, interval: image.interval });
      },
      (err: unknown) => this.onWriteError(err),
    );
    w.writes.push(write);
    if (image.last) this.finish(image.requestId);
    return true;
  }

  private finish(requestId: string): void {
    const w = this.waiting.get(requestId);
    if (w === undefined) return;
    this.waiting.delete(requestId);
    clearTimeout(w.timer);
    void Promise.all(w.writes).then(() => w.resolve([...w.shots].sort((a, b) => a.pane - b.pane)));
  }
}
