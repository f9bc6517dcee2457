import type { Page } from 'playwright-core';

/** A pane's data attributes (chart-pane.tsx). */
export interface PaneState {
  readonly pane: number;
  readonly source: string;
  readonly symbol: string;
  readonly interval: string;
  readonly status: string;
  readonly bars: number;
  readonly first: number | null;
  readonly last: number | null;
  readonly older: string;
  readonly active: boolean;
}

export interface Drawn {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number | null;
}

export interface Hook {
  paneBars(index: number): Drawn[] | null;
  scrollToStart(index: number): boolean;
  scrollToEnd(index: number): boolean;
  paneProbe(index: number, layer: string): unknown;
  call(method: string, params: unknown): Promise<unknown>;
  drawBars(index: number, bars: unknown[]): Promise<{ drawMs: number; paintMs: number } | null>;
}

/** The page's window with its e2e hook (installed with `?e2e`); cast to it inside page.evaluate. */
export interface Hooked {
  readonly __tapedeck: Hook;
}

export async function paneStates(page: Page): Promise<PaneState[]> {
  return page.$$eval('[data-testid="chart-pane"]', (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
      return {
        pane: Number(d['pane']),
        source: d['source'] ?? '',
        symbol: d['symbol'] ?? '',
        interval: d['interval'] ?? '',
        status: d['status'] ?? '',
        bars: Number(d['bars'] ?? '0'),
        first: num(d['first']),
        last: num(d['last']),
        older: d['older'] ?? '',
        active: d['active'] === 'true',
      };
    }),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until pane `index` shows `want` (symbol and/or interval) with its snapshot drawn (or refused). */
export async function waitPane(page: Page, index: number, want: { symbol?: string; interval?: string }, timeoutMs = 30_000): Promise<PaneState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (await paneStates(page))[index];
    if (
      state !== undefined &&
      (want.symbol === undefined || state.symbol === want.symbol) &&
      (want.interval === undefined || state.interval === want.interval) &&
      (state.status === 'ready' || state.status === 'empty' || state.status === 'error')
    ) {
      return state;
    }
    if (Date.now() > until) throw new Error(`pane ${String(index)} never showed ${JSON.stringify(want)}: ${JSON.stringify(state)}`);
    await sleep(25);
  }
}

export interface Comparison {
  readonly drawn: number;
  readonly fetched: number;
  /** Bars (all but the last two, which live ticks may still move) that differ from bars.get, or are missing / extra. */
  readonly mismatches: string[];
  /** Drawn times not strictly ascending (a duplicate or disorder). */
  readonly disorder: number;
}

/**
 * Reads pane `index`'s drawn bars and one `bars.get` over the same span for
 * the pane's series, in the page, back to back; compares them bar by bar.
 */
export async function compareWithBarsGet(page: Page, index: number, series: { source: string; symbol: string; interval: string }): Promise<Comparison> {
  return page.evaluate(
    async ({ index, series }) => {
      const hook = (window as unknown as Hooked).__tapedeck;
      const drawn = hook.paneBars(index) ?? [];
      const first = drawn[0];
      const last = drawn[drawn.length - 1];
      if (first === undefined || last === undefined) return { drawn: 0, fetched: 0, mismatches: ['nothing drawn'], disorder: 0 };
      const got = (await hook.call('bars.get', { ...series, from: first.time, to: last.time + 1, limit: 50_000 })) as { bars: Drawn[] };
      const fetched = got.bars;
      const mismatches: string[] = [];
      let disorder = 0;
      for (let i = 1; i < drawn.length; i++) if ((drawn[i]?.time ?? 0) <= (drawn[i - 1]?.time ?? 0)) disorder++;
      const byTime = new Map(fetched.map((b) => [b.time, b]));
      const drawnTimes = new Set(drawn.map((b) => b.time));
      const settled = drawn.length - 2;
      drawn.forEach((d, i) => {
        const f = byTime.get(d.time);
        if (f === undefined) {
          mismatches.push(`drawn ${String(d.time)} not in bars.get`);
          return;
        }
        const same = i >= settled ? d.open === f.open : d.open === f.open && d.high === f.high && d.low === f.low && d.close === f.close && d.volume === f.volume;
        if (!same) mismatches.push(`${String(d.time)}: drawn ${JSON.stringify(d)} vs ${JSON.stringify(f)}`);
      });
      for (const f of fetched) if (!drawnTimes.has(f.time)) mismatches.push(`bars.get ${String(f.time)} not drawn`);
      return { drawn: drawn.length, fetched: fetched.length, mismatches: mismatches.slice(0, 5), disorder };
    },
    { index, series },
  );
}

/** Renderer heap in use after a forced garbage collection (CDP), in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}
