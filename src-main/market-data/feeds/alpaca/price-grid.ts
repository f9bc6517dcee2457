/**
 * Alpaca sends prices as JSON numbers (187.23, or sub-penny 0.5123 and
 * midpoint prints such as 187.2301). They are snapped to a 0.0001 grid here,
 * so a price is the same double however it was written (187.23 and
 * 187.23000000000002 both become 187.23): an integer count of ten-thousandths
 * divided by 10,000 is the double nearest the decimal, exactly what Number("187.23") gives.
 */
const STEPS_PER_UNIT = 10_000;

export function snapPrice(p: number): number {
  return Math.round(p * STEPS_PER_UNIT) / STEPS_PER_UNIT;
}
