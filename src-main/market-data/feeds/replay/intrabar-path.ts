import type { Bar } from '../../../../shared/domain/bar';

export interface Tick {
  /** Offset from the bar's open time, ms. */
  readonly offset: number;
  readonly price: number;
  readonly size: number;
}

/**
 * The four ticks a replayed 1m bar is played as: open, then the extreme the
 * bar most likely visited first (the low first for an up bar, the high first
 * for a down bar), then the other extreme, then the close; the volume split
 * evenly (the last tick takes the remainder, so the sizes sum to the volume).
 * Rebuilding the bar from these ticks gives back its open, high, low, close
 * and volume.
 */
export function intrabarPath(b: Bar, barMs: number): Tick[] {
  const up = b.close >= b.open;
  const prices = up ? [b.open, b.low, b.high, b.close] : [b.open, b.high, b.low, b.close];
  const quarter = b.volume / 4;
  const offsets = [0, barMs * 0.25, barMs * 0.5, barMs - 1];
  return prices.map((price, i) => ({
    offset: offsets[i] ?? 0,
    price,
    size: i < 3 ? quarter : b.volume - 3 * quarter,
  }));
}
