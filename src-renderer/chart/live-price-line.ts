import { LineStyle, type IPriceLine, type ISeriesApi } from 'lightweight-charts';
import type { Bar } from '../../shared/domain/bar';

/** The live price shown on a pane whose newest bar is not drawn into its series just now. */
export interface LivePriceLine {
  /** Shows (or moves) the line at `bar`'s close, coloured by its direction. */
  show(bar: Bar): void;
  /** Takes the line away and gives the series back its own last-price label and line. */
  hide(): void;
}

/**
 * While a pane is scrolled back, its live ticks are held, not drawn into the
 * series (lightweight-charts rebuilds every point of a series it updates,
 * however few are in view), so the series' own last-price label would stand
 * still. A price line of the candle series shows the live price instead:
 * moving it repaints the chart without touching the series' data.
 */
export function createLivePriceLine(candles: ISeriesApi<'Candlestick'>): LivePriceLine {
  let line: IPriceLine | null = null;
  let own: { lastValueVisible: boolean; priceLineVisible: boolean } | null = null;
  return {
    show(bar) {
      const o = candles.options();
      const color = bar.close >= bar.open ? o.upColor : o.downColor;
      if (line === null) {
        own = { lastValueVisible: o.lastValueVisible, priceLineVisible: o.priceLineVisible };
        candles.applyOptions({ lastValueVisible: false, priceLineVisible: false });
        line = candles.createPriceLine({ price: bar.close, color, lineWidth: 1, lineStyle: LineStyle.Dotted, axisLabelVisible: true, title: '' });
      } else {
        line.applyOptions({ price: bar.close, color });
      }
    },
    hide() {
      if (line === null) return;
      candles.removePriceLine(line);
      line = null;
      if (own !== null) candles.applyOptions(own);
      own = null;
    },
  };
}
