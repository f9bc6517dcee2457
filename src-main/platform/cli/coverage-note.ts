import type { Coverage } from '../../../shared/contract';
import type { Interval } from '../../../shared/domain/interval';
import { UsageError } from './cli-io';

/** Spans printed in full; the rest are summed in one line. */
const SHOWN_SPANS = 10;

const iso = (t: number): string => new Date(t).toISOString().replace(':00.000Z', 'Z');

/**
 * How complete the bars a command ran on are, for stderr: one line of counts,
 * then each missing span with its reason (the first ten, then a total).
 */
export function coverageLines(c: Coverage, interval: Interval): string[] {
  const lines = [
    `coverage: ${c.present.toLocaleString('en-US')} of ${c.expected.toLocaleString('en-US')} ${interval} bars expected in ${iso(c.from)}..${iso(c.to)}` +
      (c.missingBars === 0 ? ', none missing' : `; ${c.missingBars.toLocaleString('en-US')} base bars missing`),
  ];
  for (const m of c.missing.slice(0, SHOWN_SPANS)) {
    lines.push(`  missing ${iso(m.from)}..${iso(m.to)} (${m.bars.toLocaleString('en-US')} bars): ${m.reason}${m.note === undefined ? '' : ` (${m.note})`}`);
  }
  const more = c.missing.length - SHOWN_SPANS + c.spansOmitted;
  if (more > 0) lines.push(`  … and ${more.toLocaleString('en-US')} more missing spans`);
  return lines;
}

/** `--strict`: refuses to go on over missing bars, naming the first hole. */
export function requireComplete(c: Coverage): void {
  if (c.missingBars === 0) return;
  const first = c.missing[0];
  const where = first === undefined ? '' : `, first ${iso(first.from)}..${iso(first.to)} (${first.reason})`;
  throw new UsageError(`--strict: ${c.missingBars.toLocaleString('en-US')} bars are missing in the range${where}; see the coverage lines above`);
}
