import type { Bar } from '../../shared/domain/bar';
import type { Tone } from '../app/status-tone';
import { changePercent } from '../bars/daily-change';
import { formatBarTime, isDailyOrLonger, type TimeLabelContext } from '../format/chart-time-format';
import { zoneAbbreviation } from '../format/chart-zone';
import { changeTone, formatChangePct } from '../format/format-change';
import { formatPrice, formatVolume } from '../format/price-precision';

/** What the crosshair legend shows for one bar. */
export interface LegendModel {
  /** "Tue 2024-03-05 09:30 EST" intraday, "Tue 2024-03-05" for day and week bars. */
  readonly time: string;
  /** Open, high, low, close and volume, labelled. */
  readonly fields: readonly (readonly [label: string, value: string])[];
  /** The close against the previous bar's close: "+12.30", "−0.50", "0.00", or "—" for the first bar. */
  readonly change: string;
  readonly changePct: string;
  readonly tone: Tone;
  readonly forming: boolean;
}

/** A price difference with its sign: "+12.30", "−0.50" (a true minus), "0.00". */
export function formatSignedPrice(diff: number, precision: number): string {
  const text = Math.abs(diff).toFixed(precision);
  if (Number(text) === 0) return text;
  return diff > 0 ? `+${text}` : `\u2212${text}`;
}

/** The legend of `bar`, its change measured from `prevClose` (the bar before it; null for the first bar held). */
export function legendModel(bar: Bar, prevClose: number | null, precision: number, labels: TimeLabelContext): LegendModel {
  const pct = prevClose === null ? null : changePercent(prevClose, bar.close);
  const zone = isDailyOrLonger(labels.interval) ? '' : ` ${zoneAbbreviation(labels.zone, bar.time)}`;
  return {
    time: `${formatBarTime(labels, bar.time)}${zone}`,
    fields: [
      ['O', formatPrice(bar.open, precision)],
      ['H', formatPrice(bar.high, precision)],
      ['L', formatPrice(bar.low, precision)],
      ['C', formatPrice(bar.close, precision)],
      ['V', formatVolume(bar.volume)],
    ],
    change: prevClose === null || pct === null ? '\u2014' : formatSignedPrice(bar.close - prevClose, precision),
    changePct: formatChangePct(pct),
    tone: changeTone(pct),
    forming: !bar.final,
  };
}
