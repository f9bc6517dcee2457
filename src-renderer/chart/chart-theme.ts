import {
  ColorType,
  CrosshairMode,
  LineStyle,
  type CandlestickSeriesPartialOptions,
  type ChartOptions,
  type DeepPartial,
  type HistogramSeriesPartialOptions,
} from 'lightweight-charts';

/** Kept in step with the palette in styles/theme.css (canvas cannot read CSS variables cheaply). */
const PALETTE = {
  background: '#0d1117',
  text: '#8b949e',
  grid: '#161b22',
  border: '#232a33',
  crosshair: '#5c6773',
  up: '#26a69a',
  down: '#ef5350',
  upVolume: 'rgba(38, 166, 154, 0.45)',
  downVolume: 'rgba(239, 83, 80, 0.45)',
  sessionLine: 'rgba(139, 148, 158, 0.28)',
  extendedHours: 'rgba(88, 166, 255, 0.06)',
} as const;

/** Session separators and the shading of pre/post-market bars. */
export const SESSION_COLORS = { line: PALETTE.sessionLine, extended: PALETTE.extendedHours } as const;

/** Volume bars take the colour of their candle, dimmed. */
export const VOLUME_COLORS = { up: PALETTE.upVolume, down: PALETTE.downVolume } as const;

/** The volume histogram is an overlay on its own scale along the bottom fifth of the price pane. */
export const VOLUME_SCALE_ID = 'volume';

export const CHART_OPTIONS: DeepPartial<ChartOptions> = {
  layout: {
    background: { type: ColorType.Solid, color: PALETTE.background },
    textColor: PALETTE.text,
    fontSize: 11,
    fontFamily: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
    // The built-in logo injects an inline <style>, which our CSP refuses; the
    // attribution (licence requirement) is shown in the About tab instead.
    attributionLogo: false,
  },
  grid: {
    vertLines: { color: PALETTE.grid },
    horzLines: { color: PALETTE.grid },
  },
  crosshair: {
    mode: CrosshairMode.Normal,
    vertLine: { color: PALETTE.crosshair, style: LineStyle.Dashed, labelBackgroundColor: PALETTE.border },
    horzLine: { color: PALETTE.crosshair, style: LineStyle.Dashed, labelBackgroundColor: PALETTE.border },
  },
  // Candles keep clear of the bottom quarter, where the volume overlay is drawn.
  rightPriceScale: { borderColor: PALETTE.border, scaleMargins: { top: 0.08, bottom: 0.24 } },
  // The zone's 24-hour labels come from the pane's tickMarkFormatter and localization.timeFormatter.
  timeScale: { borderColor: PALETTE.border, timeVisible: true, secondsVisible: false, rightOffset: 6, shiftVisibleRangeOnNewBar: true },
};

export const CANDLE_OPTIONS: CandlestickSeriesPartialOptions = {
  upColor: PALETTE.up,
  downColor: PALETTE.down,
  borderUpColor: PALETTE.up,
  borderDownColor: PALETTE.down,
  wickUpColor: PALETTE.up,
  wickDownColor: PALETTE.down,
};

export const VOLUME_OPTIONS: HistogramSeriesPartialOptions = {
  priceScaleId: VOLUME_SCALE_ID,
  priceFormat: { type: 'volume' },
  lastValueVisible: false,
  priceLineVisible: false,
};

export const VOLUME_SCALE_MARGINS = { top: 0.8, bottom: 0 } as const;
