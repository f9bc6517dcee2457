import type { Coverage, MissingReason, MissingSpan } from '../../shared/contract';

const REASONS: Readonly<Record<MissingReason, string>> = {
  'before-start': 'before the source begins',
  'after-end': 'after the imported data ends',
  'venue-gap': 'the venue has no bars there',
  'not-loaded': 'could not be loaded',
  incomplete: 'an import that did not finish',
  missing: 'missing from the stored data',
};

const grouped = (n: number): string => n.toLocaleString('en-US');
const minute = (t: number): string => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** "19,548 of 19,548 bars, none missing" or "5 of 12 bars; 10,080 base bars missing". */
export function coverageHeadline(c: Coverage): string {
  const head = `${grouped(c.present)} of ${grouped(c.expected)} bars`;
  return c.missingBars === 0 ? `${head}, none missing` : `${head}; ${grouped(c.missingBars)} base bars missing`;
}

/** One missing span (UTC): "2014-12-25 00:00 → 2015-01-01 00:00 UTC: before the source begins (10,080)". */
export function missingSpanLine(m: MissingSpan): string {
  return `${minute(m.from)} → ${minute(m.to)} UTC: ${REASONS[m.reason]}${m.note === undefined ? '' : ` (${m.note})`} (${grouped(m.bars)})`;
}

/** One line per missing span, at most `max`, then how many more. */
export function missingLines(c: Coverage, max = 5): string[] {
  const lines = c.missing.slice(0, max).map(missingSpanLine);
  const more = c.missing.length - max + c.spansOmitted;
  if (more > 0) lines.push(`… ${grouped(more)} more spans`);
  return lines;
}
