/**
 * What a fill costs beyond the price the bar offers:
 * - slippage makes the price worse for the side, in basis points of the price,
 *   plus half the quoted spread: buy at `p * (1 + bps/10,000) + spread/2`,
 *   sell at `p * (1 - bps/10,000) - spread/2`. It applies to every fill
 *   (market, market-on-close, limit, stop, stop-loss, take-profit, end of run):
 *   conservative for a limit, which a real venue fills at its price or better;
 * - commission is `notional * commissionRate + commissionFixed` per fill, where
 *   notional = units * fill price (after slippage).
 * Sizing and bookkeeping both go through `commission` and `cashOut`, so the
 * floating-point arithmetic that decides "affordable" is the arithmetic that
 * is booked.
 */
export class CostModel {
  private readonly up: number;
  private readonly down: number;
  private readonly halfSpread: number;

  constructor(
    readonly rate: number,
    readonly fixed: number,
    slippageBps: number,
    spread: number,
  ) {
    this.up = 1 + slippageBps / 10_000;
    this.down = 1 - slippageBps / 10_000;
    this.halfSpread = spread / 2;
  }

  /** The price a buy fills at when the bar offers `price`. */
  buyPrice(price: number): number {
    return price * this.up + this.halfSpread;
  }

  /** The price a sell fills at when the bar offers `price`. */
  sellPrice(price: number): number {
    return price * this.down - this.halfSpread;
  }

  /** The price a fill of `side` (+1 buy, -1 sell) gets. */
  fillPrice(side: number, price: number): number {
    return side > 0 ? this.buyPrice(price) : this.sellPrice(price);
  }

  /** Commission of one fill of `notional` (units * fill price). */
  commission(notional: number): number {
    return notional * this.rate + this.fixed;
  }

  /** Cash a buy of `units` at `price` takes, commission included. */
  cashOut(units: number, price: number): number {
    const notional = units * price;
    return notional + this.commission(notional);
  }
}
