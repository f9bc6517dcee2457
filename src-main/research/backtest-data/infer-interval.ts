/**
 * The bar length of a series: the most common gap between consecutive open
 * times (weekends, holidays and missing bars are the exceptions, not the
 * rule). Ties go to the shorter gap. Null for fewer than two bars.
 */
export function inferIntervalMs(times: ArrayLike<number>): number | null {
  const counts = new Map<number, number>();
  const n = Math.min(times.length, 10_001);
  for (let i = 1; i < n; i++) {
    const d = (times[i] ?? 0) - (times[i - 1] ?? 0);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
