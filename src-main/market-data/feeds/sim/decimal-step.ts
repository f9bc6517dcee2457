/**
 * Whole numbers of a decimal step (price ticks, quantity lots) to doubles and
 * back. Dividing an integer by a power of ten gives the double nearest to the
 * decimal (what parsing "60000.01" gives), where multiplying by 0.01 would
 * leave representation noise such as 60000.010000000002.
 */
export class DecimalStep {
  private readonly whole: boolean;
  /** Steps per unit when the step is below 1 (100 for 0.01). */
  private readonly perUnit: number;

  constructor(private readonly step: number) {
    this.whole = step >= 1;
    this.perUnit = this.whole ? 1 : Math.round(1 / step);
  }

  /** The double for `units` whole steps. */
  value(units: number): number {
    return this.whole ? units * this.step : units / this.perUnit;
  }

  /** `x` in (fractional) steps. */
  inSteps(x: number): number {
    return this.whole ? x / this.step : x * this.perUnit;
  }
}
