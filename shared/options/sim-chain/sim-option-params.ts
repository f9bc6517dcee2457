/**
 * How the simulated chain lists and prices options on each simulated US
 * equity. Rates and yields are continuously compounded per year. The risk-free
 * rate is 5% for every underlying; dividend yields are small, constant and
 * continuous (SPY 1.3%, QQQ 0.6%, AAPL 0.5%, NVDA none).
 */
export interface SimOptionParams {
  readonly underlying: string;
  readonly dividendYield: number;
  /** Lists an expiration every session (0DTE), as SPY and QQQ do. */
  readonly dailyExpirations: boolean;
  /** Strike spacing near the money at an underlying price. */
  readonly innerStep: (price: number) => number;
  /** Strikes listed on each side of the money at the inner spacing. */
  readonly innerStrikes: number;
  /** Wider strikes beyond the inner grid, every `outerStep`, out to ±`outerRange` of the price. */
  readonly outerStep: (price: number) => number;
  readonly outerRange: number;
  /** Open interest of an at-the-money monthly contract, on average. */
  readonly baseOpenInterest: number;
}

export const SIM_OPTION_RATE = 0.05;

const equityStep = (price: number): number => (price < 250 ? 2.5 : 5);

export const SIM_OPTION_PARAMS: readonly SimOptionParams[] = [
  { underlying: 'SPY', dividendYield: 0.013, dailyExpirations: true, innerStep: () => 1, innerStrikes: 20, outerStep: () => 5, outerRange: 0.1, baseOpenInterest: 20_000 },
  { underlying: 'QQQ', dividendYield: 0.006, dailyExpirations: true, innerStep: () => 1, innerStrikes: 20, outerStep: () => 5, outerRange: 0.1, baseOpenInterest: 12_000 },
  { underlying: 'AAPL', dividendYield: 0.005, dailyExpirations: false, innerStep: equityStep, innerStrikes: 12, outerStep: (p) => 2 * equityStep(p), outerRange: 0.25, baseOpenInterest: 8_000 },
  { underlying: 'NVDA', dividendYield: 0, dailyExpirations: false, innerStep: equityStep, innerStrikes: 12, outerStep: (p) => 2 * equityStep(p), outerRange: 0.35, baseOpenInterest: 15_000 },
];

export function simOptionParams(underlying: string): SimOptionParams | undefined {
  return SIM_OPTION_PARAMS.find((p) => p.underlying === underlying);
}
