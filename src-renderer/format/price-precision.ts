/** Decimal places a price needs, read off the instrument's tick (0.01 → 2, 0.00001 → 5, 0.25 → 2). */
export function precisionOfTick(tick: number): number {
  if (!(tick > 0) || !Number.isFinite(tick)) return 2;
  for (let digits = 0; digits <= 10; digits++) {
    const scaled = tick * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return digits;
  }
  return 10;
}

/** A guess when the instrument is unknown: cents for larger prices, more places below 100 and 1. */
export function precisionForPrice(price: number): number {
  const size = Math.abs(price);
  if (size >= 100) return 2;
  if (size >= 1) return 4;
  return 6;
}

/** A price as plain digits with a fixed number of decimals (no grouping, so it parses back). */
export function formatPrice(price: number, precision: number): string {
  return Number.isFinite(price) ? price.toFixed(precision) : '—';
}

/** A volume compactly: 950, 12.3K, 4.56M, 7.8B. */
export function formatVolume(volume: number): string {
  const size = Math.abs(volume);
  if (size >= 1e9) return `${(volume / 1e9).toFixed(2)}B`;
  if (size >= 1e6) return `${(volume / 1e6).toFixed(2)}M`;
  if (size >= 1e4) return `${(volume / 1e3).toFixed(1)}K`;
  return Number.isInteger(volume) ? String(volume) : volume.toFixed(2);
}

/** Decimal places for a series: from the instrument's tick when known, else guessed from a price, else 2. */
export function pricePrecision(tickSize: number | null, samplePrice: number | null): number {
  if (tickSize !== null) return precisionOfTick(tickSize);
  return samplePrice === null ? 2 : precisionForPrice(samplePrice);
}
