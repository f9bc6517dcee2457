import { TickMarkType, type IChartApi, type Time } from 'lightweight-charts';
import { formatBarTime, formatTickMark, type TickKind, type TimeLabelContext } from '../format/chart-time-format';
import { fromChartTime } from './series-data';

const KINDS: Readonly<Record<TickMarkType, TickKind>> = {
  [TickMarkType.Year]: 'year',
  [TickMarkType.Month]: 'month',
  [TickMarkType.DayOfMonth]: 'day',
  [TickMarkType.Time]: 'time',
  [TickMarkType.TimeWithSeconds]: 'seconds',
};

/** Our times are UTC seconds; business-day strings or objects never reach the chart. */
const epochMsOf = (time: Time): number | null => (typeof time === 'number' ? fromChartTime(time) : null);

/**
 * Makes the chart's time axis and crosshair label read in the pane's zone on
 * a 24-hour clock. The series keep true UTC timestamps; only the labels move.
 */
export function applyTimeLabels(chart: IChartApi, c: TimeLabelContext): void {
  chart.applyOptions({
    localization: {
      timeFormatter: (time: Time) => {
        const t = epochMsOf(time);
        return t === null ? '' : formatBarTime(c, t);
      },
    },
    timeScale: {
      tickMarkFormatter: (time: Time, type: TickMarkType) => {
        const t = epochMsOf(time);
        return t === null ? null : formatTickMark(c, t, KINDS[type]);
      },
    },
  });
}
