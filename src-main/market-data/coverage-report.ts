import { MAX_MISSING_SPANS, type Coverage, type MissingReason, type MissingSpan } from '../../shared/contract';
import type { EpochMs } from '../../shared/domain/epoch';
import type { BaseInterval, Interval } from '../../shared/domain/interval';
import type { MarketKind } from '../../shared/market/market-kind';
import { emptySlots, expectedBars, type Span } from '../../shared/market/slots';
import type { BarVoid } from '../platform/store';

/** A span a read tried to load from its venue and could not. */
export interface LoadFailure extends Span {
  readonly message: string;
}

export interface CoverageInput {
  readonly market: MarketKind;
  readonly base: BaseInterval;
  readonly interval: Interval;
  /** The window judged, [from, to); `to` is already cut at the series' clock (closed base bars only). */
  readonly from: number;
  readonly to: number;
  /** Open times of the base bars held in the window, sorted. */
  readonly baseTimes: Float64Array;
  /** Bars of `interval` the reply holds in the window. */
  readonly present: number;
  /** The source's first bar (listing, the sim's start, an import's first row), when known. */
  readonly start: number | null;
  /** An import's last bar: after it nothing is expected to be filled (null for live sources). */
  readonly end: number | null;
  readonly voids: readonly BarVoid[];
  readonly failures: readonly LoadFailure[];
}

interface Piece {
  from: number;
  to: number;
  reason: MissingReason;
  note: string | undefined;
}

/**
 * The coverage of one read: the bars a complete series has in the window at
 * the requested interval, the bars present, and every run of empty base
 * slots split by why it is empty (reasons in order of precedence:
 * before-start, incomplete (an interrupted import), after-end, another
 * recorded void, a failed load, else missing).
 */
export function coverageOf(input: CoverageInput): Coverage {
  const { market, base, from, to } = input;
  const empty = to > from ? emptySlots(market, base, input.baseTimes, from, to) : [];
  const pieces: Piece[] = [];
  for (const span of empty) {
    for (const piece of split(span, input)) {
      const prev = pieces.at(-1);
      if (prev !== undefined && prev.to === piece.from && prev.reason === piece.reason && prev.note === piece.note) prev.to = piece.to;
      else pieces.push(piece);
    }
  }
  let missingBars = 0;
  const missing: MissingSpan[] = [];
  for (const p of pieces) {
    const bars = expectedBars(market, base, p.from, p.to);
    if (bars === 0) continue;
    missingBars += bars;
    if (missing.length < MAX_MISSING_SPANS) {
      missing.push({ from: p.from as EpochMs, to: p.to as EpochMs, reason: p.reason, bars, ...(p.note === undefined ? {} : { note: p.note }) });
    }
  }
  const expected = to > from ? expectedBars(market, input.interval, from, to) : 0;
  return {
    from: from as EpochMs,
    to: Math.max(from, to) as EpochMs,
    expected,
    present: Math.min(input.present, expected),
    missingBars,
    missing,
    spansOmitted: pieces.length - missing.length,
  };
}

/** Cuts one empty span at every boundary that changes its reason, and names each piece. */
function split(span: Span, input: CoverageInput): Piece[] {
  const cuts = new Set<number>([span.from, span.to]);
  const inside = (t: number | null | undefined): void => {
    if (t !== null && t !== undefined && t > span.from && t < span.to) cuts.add(t);
  };
  inside(input.start);
  inside(input.end);
  for (const v of input.voids) {
    inside(v.from);
    inside(v.to);
  }
  for (const f of input.failures) {
    inside(f.from);
    inside(f.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? a;
    out.push({ from: a, to: b, ...reasonAt(a, input) });
  }
  return out;
}

function reasonAt(t: number, input: CoverageInput): { reason: MissingReason; note: string | undefined } {
  if (input.start !== null && t < input.start) return { reason: 'before-start', note: undefined };
  const v = input.voids.find((x) => t >= x.from && t < x.to);
  // An interrupted import's span is incomplete, even past the last bar it got to store.
  if (v?.reason === 'incomplete') return { reason: 'incomplete', note: undefined };
  if (input.end !== null && t > input.end) return { reason: 'after-end', note: undefined };
  if (v !== undefined) return { reason: v.reason, note: undefined };
  const f = input.failures.find((x) => t >= x.from && t < x.to);
  if (f !== undefined) return { reason: 'not-loaded', note: f.message };
  return { reason: 'missing', note: undefined };
}
