/** Rounds to `precision` decimals without float noise (512.30000000000001 → 512.3). */
export function roundPrice(price: number, precision: number): number {
  return Number(price.toFixed(Math.max(0, Math.min(12, Math.round(precision)))));
}
