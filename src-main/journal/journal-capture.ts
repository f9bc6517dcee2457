import type { JournalShot, Screenshot } from '../../shared/contract';
import type { SymbolId } from '../../shared/domain/symbol';
import type { Execution } from '../../shared/trading/execution';
import type { Position } from '../../shared/trading/position';
import type { MediaStore, StoredMedia } from './media-store';
import type { MediaRepository, NewShot } from './media-repository';
import type { ScreenshotService } from './screenshot-service';

/** The whole window as a PNG (the desktop app's webContents.capturePage), or null when there is no window. */
export type WindowCapture = () => Promise<Uint8Array | null>;

export interface JournalCaptureDeps {
  readonly screenshots: ScreenshotService;
  readonly media: MediaStore;
  readonly rows: MediaRepository;
  /** An account's positions now (entry or exit: did the fill grow the position or shrink it?). */
  readonly positionsOf: (accountId: string) => readonly Position[];
  readonly now: () => number;
  /** Resolves when the order path is quiet (the pictures' rows are written then: trading comes first). */
  readonly whenQuiet: () => Promise<void>;
  /** The journal changed (new screenshots). */
  readonly changed: () => void;
  readonly log: { error(message: string, err?: unknown): void };
}

/**
 * Pictures for the journal: at every fill (entry and exit) and on demand
 * (the hotkey). A fill's capture is scheduled after the trading path has
 * returned (setImmediate: the fill is already committed and announced) and
 * waits only on itself; the images are written to disk by the screenshot
 * service off the event loop, and only once every file is in place (and the
 * order path has been quiet a moment: trading comes first) are the rows
 * written, in one transaction — a crash in between leaves at most an
 * unreferenced file, never a row without its picture. In the desktop app the
 * window itself is captured too (capturePage); in serve the panes answer
 * `chart.captureRequests`.
 */
export class JournalCapture {
  private windowCapture: WindowCapture | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: JournalCaptureDeps) {}

  useWindowCapture(capture: WindowCapture | null): void {
    this.windowCapture = capture;
  }

  /**
   * The trading fill listener: reads whether the fill was an entry or an exit
   * (the position right after it, in memory) and returns; the capture runs
   * after the trading path has returned.
   */
  onFill(e: Execution): void {
    const role = this.roleOf(e);
    setImmediate(() => {
      const job = this.captureFill(e, role).catch((err: unknown) => this.deps.log.error(`journal: the screenshots of fill ${e.id} failed`, err));
      this.inFlight.add(job);
      void job.finally(() => this.inFlight.delete(job));
    });
  }

  /** Resolves when every capture started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Whether the fill opened or added to its position (entry) or reduced or closed it (exit), read right after the fill. */
  roleOf(e: Execution): 'entry' | 'exit' {
    const p = this.deps.positionsOf(e.accountId).find((x) => x.source === e.source && x.symbol === e.symbol);
    const sign = e.side === 'buy' ? 1 : -1;
    return p !== undefined && p.qty !== 0 && Math.sign(p.qty) === sign ? 'entry' : 'exit';
  }

  /** Captures the panes showing the fill's symbol (an option's underlying) and records the pictures against the fill. */
  async captureFill(e: Execution, role: 'entry' | 'exit'): Promise<number> {
    const symbol = (e.underlying ?? e.symbol);
    const reason = `${role}: ${e.side} ${String(e.qty)} ${e.symbol} at ${String(e.price)}`;
    const stored = await this.take(symbol, reason);
    await this.deps.whenQuiet();
    const added = this.deps.rows.insert(stored.map((s) => ({ ...s, executionId: e.id, tripId: null, role, time: e.time, reason })));
    if (added > 0) this.deps.changed();
    return added;
  }

  /** The hotkey: the panes showing `symbol` (or all) now, kept with `tripId` or with whichever trip of that symbol is open. */
  async captureNow(symbol: SymbolId | null, tripId: string | null): Promise<{ shots: JournalShot[]; note: string | null }> {
    const at = this.deps.now();
    const reason = 'on demand';
    const stored = await this.take(symbol, reason);
    await this.deps.whenQuiet();
    const rows: NewShot[] = stored.map((s) => ({ ...s, executionId: null, tripId, role: 'manual', time: at, reason }));
    this.deps.rows.insert(rows);
    if (rows.length > 0) this.deps.changed();
    const shots = this.deps.rows.manualAt(at).filter((r) => rows.some((n) => n.sha256 === r.sha256 && n.pane === r.pane && n.tripId === r.tripId));
    const note = rows.length > 0 ? null : this.deps.screenshots.windows === 0 && this.windowCapture === null ? 'no workstation window is open to take the picture' : 'no window answered in time (no pane showed the symbol?)';
    return { shots: shots.map((s) => ({ ...s, status: 'ok' })), note };
  }

  /** The panes (and the window, on the desktop), each already written to disk. */
  private async take(symbol: SymbolId | null, reason: string): Promise<(StoredMedia & { pane: number | null; symbol: string; interval: string | null })[]> {
    const window = this.windowCapture;
    const [panes, whole] = await Promise.all([
      this.deps.screenshots.capture(symbol, reason),
      window === null
        ? Promise.resolve(null)
        : window().then(
            (png) => (png === null ? null : this.deps.media.putAsync(png, 'png')),
            (err: unknown) => {
              this.deps.log.error('journal: the window capture failed', err);
              return null;
            },
          ),
    ]);
    const shots: (StoredMedia & { pane: number | null; symbol: string; interval: string | null })[] = panes.map((s: Screenshot) => ({ ...s }));
    if (whole !== null) shots.push({ ...whole, pane: null, symbol: symbol ?? 'WINDOW', interval: null });
    return shots;
  }
}
