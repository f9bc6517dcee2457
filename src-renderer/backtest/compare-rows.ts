import { BACKTEST_STAT_NAMES, type BacktestStats } from '../../shared/contract';
import type { Tone } from '../app/status-tone';
import { DASH, formatSigned } from './number-format';
import { formatStat, STAT_SPECS, type StatKind, type StatName, type StatSpec } from './stat-rows';

export interface CompareRow {
  readonly key: StatName;
  readonly label: string;
  readonly a: string;
  readonly b: string;
  /** B − A in the statistic's unit (percentage points for percentages); "" where a difference means nothing. */
  readonly diff: string;
  /** Whether B is better (good) or worse (bad) than A on this statistic. */
  readonly tone: Tone | undefined;
}

const DIFF_DECIMALS: Readonly<Record<Exclude<StatKind, 'time'>, number>> = {
  count: 0,
  bars: 0,
  pct: 2,
  signedPct: 2,
  ratio: 2,
  money: 2,
};

/** B − A as shown: "+1.25 pp", "−3 bars", "+0.40". */
export function formatDiff(kind: StatKind, a: number | null, b: number | null): string {
  if (kind === 'time') return '';
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return DASH;
  const text = formatSigned(b - a, DIFF_DECIMALS[kind]);
  if (kind === 'pct' || kind === 'signedPct') return `${text} pp`;
  if (kind === 'bars') return `${text} bars`;
  return text;
}

function diffTone(spec: StatSpec, a: number | null, b: number | null): Tone | undefined {
  if (spec.better === null || spec.kind === 'time' || a === null || b === null) return undefined;
  const diff = Number((b - a).toFixed(DIFF_DECIMALS[spec.kind]));
  if (!Number.isFinite(diff) || diff === 0) return undefined;
  const higher = diff > 0;
  return higher === (spec.better === 'higher') ? 'good' : 'bad';
}

/** The statistics of two runs side by side, with B − A and whether B is the better one on each line. */
export function compareRows(a: BacktestStats, b: BacktestStats): CompareRow[] {
  return BACKTEST_STAT_NAMES.map((key) => {
    const spec: StatSpec = STAT_SPECS[key];
    const va = a[key];
    const vb = b[key];
    return {
      key,
      label: spec.label,
      a: formatStat(spec.kind, va),
      b: formatStat(spec.kind, vb),
      diff: formatDiff(spec.kind, va, vb),
      tone: diffTone(spec, va, vb),
    };
  });
}
