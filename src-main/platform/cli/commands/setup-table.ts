import type { SetupStats, UnfilledSignal } from '../../../../shared/contract';

/** A number as the statistics table prints it: an integer as is, else 4 decimals; null as a dash. */
function cell(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

/** Rows under a header, each column padded to its widest cell (text left, numbers right). */
function aligned(header: readonly string[], rows: readonly (readonly (number | string | null)[])[]): string[] {
  const cells = rows.map((r) => r.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] !== 'string'));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (numeric[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

/**
 * "How many times it actually played out", for the CLI's text output: the
 * trades by setup, then the signals without position (when there were any).
 */
export function setupTables(setups: readonly SetupStats[], unfilled: readonly UnfilledSignal[]): string[] {
  const out = ['', 'trades by setup:'];
  if (setups.length === 0) out.push('  (no trades)');
  else {
    const rows = setups.map((s) => [s.setup, s.trades, s.winRatePct, s.avgReturnPct, s.profitFactor, s.totalPnl]);
    out.push(...aligned(['setup', 'trades', 'winRatePct', 'avgReturnPct', 'profitFactor', 'totalPnl'], rows).map((l) => `  ${l}`));
  }
  if (unfilled.length > 0) {
    out.push('', 'signals without position:');
    const rows = unfilled.map((u) => [u.setup, u.side, u.count, u.avgUnderlyingReturnPct, u.favourablePct]);
    out.push(...aligned(['setup', 'side', 'count', 'avgUnderlyingReturnPct', 'favourablePct'], rows).map((l) => `  ${l}`));
  }
  return out;
}
