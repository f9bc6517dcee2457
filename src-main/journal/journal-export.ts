import type { JournalShot } from '../../shared/contract';
import { formatRoundTripsCsv } from '../../shared/journal/round-trips-csv';
import { compareExecutions, type RoundTrip } from '../../shared/journal/round-trips';
import { formatExecutionsCsv } from '../../shared/journal/tapedeck-csv';
import { tradeStats } from '../../shared/journal/trade-stats';
import type { Execution } from '../../shared/trading/execution';
import { htmlReport, type ReportTrip } from './html-report';
import type { MediaStatus } from './media-store';
import { encodeTradeStats } from './stats-wire';
import type { Book } from './trip-book';

export type ExportKind = 'executions' | 'trips' | 'html';

export interface ExportResult {
  readonly kind: ExportKind;
  readonly fileName: string;
  readonly mime: string;
  readonly text: string;
  readonly count: number;
}

export interface ExportDeps {
  readonly now: () => number;
  readonly currencyOf: (accountId: string) => string;
  /** A screenshot's bytes when they still hash to its name. */
  readonly readShot: (sha256: string, path: string) => Promise<{ status: MediaStatus; bytes: Buffer | null }>;
}

/** Pictures inlined into one HTML report at most (the rest are listed, not embedded). */
export const REPORT_IMAGE_BUDGET_BYTES = 48 * 1024 * 1024;

function stamp(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The fills of `trips` once each (a flip is in two trips), in time order: the re-importable executions CSV. */
export function executionsOf(book: Book, trips: readonly RoundTrip[]): Execution[] {
  const seen = new Map<string, Execution>();
  for (const t of trips) for (const id of t.executionIds) {
    const e = book.executions.get(id);
    if (e !== undefined) seen.set(id, e);
  }
  return [...seen.values()].sort(compareExecutions);
}

/**
 * The journal out: its executions as Tapedeck CSV (what re-imports, byte-equal
 * through format → parse → format), the round trips as a CSV report, or a
 * self-contained HTML report with the screenshots inlined.
 */
export async function exportJournal(book: Book, trips: readonly RoundTrip[], kind: ExportKind, deps: ExportDeps): Promise<ExportResult> {
  const day = stamp(deps.now());
  if (kind === 'executions') {
    const executions = executionsOf(book, trips);
    return { kind, fileName: `tapedeck-executions-${day}.csv`, mime: 'text/csv', text: formatExecutionsCsv(executions), count: executions.length };
  }
  if (kind === 'trips') {
    const text = formatRoundTripsCsv(trips, { meta: book.meta, currencyOf: (t) => deps.currencyOf(t.accountId) });
    return { kind, fileName: `tapedeck-trips-${day}.csv`, mime: 'text/csv', text, count: trips.length };
  }
  let budget = REPORT_IMAGE_BUDGET_BYTES;
  let omittedShots = 0;
  const report: ReportTrip[] = [];
  for (const t of [...trips].reverse()) {
    const trade = book.rows.get(t.id);
    if (trade === undefined) continue;
    const shots: ReportTrip['shots'][number][] = [];
    for (const s of book.shots.get(t.id) ?? []) {
      const shot: JournalShot = { ...s, status: 'ok' };
      if (s.bytes > budget) {
        omittedShots++;
        shots.push({ ...shot, png: null });
        continue;
      }
      const read = await deps.readShot(s.sha256, s.path);
      const ok = read.status === 'ok' && read.bytes !== null;
      if (ok) budget -= s.bytes;
      shots.push({ ...shot, status: read.status, png: ok ? read.bytes : null });
    }
    const executions = t.executionIds.map((id) => book.executions.get(id)).filter((e): e is Execution => e !== undefined);
    report.push({ trade, notes: book.notes.get(t.id), executions, shots });
  }
  const text = htmlReport({ title: 'Tapedeck journal', generatedAt: deps.now(), overall: encodeTradeStats(tradeStats(trips)), trips: report, omittedShots });
  return { kind, fileName: `tapedeck-journal-${day}.html`, mime: 'text/html', text, count: trips.length };
}
