import { MINUTE_MS } from '../../../shared/domain/interval';
import type { SimMarket } from '../../market-data/feeds/sim/sim-market';
import { simUnderlyingPrice } from './sim-underlying';

/**
 * The simulated underlying's price at an instant, as the sim feed quotes it:
 * the book's mid while its market is open (the live price, not the daily
 * anchor), else the last close before. The close a shut market shows is
 * kept per minute (it is read several times a second and does not change).
 */
export class SimPriceReader {
  private readonly shut = new Map<string, { minute: number; price: number | null }>();

  constructor(private readonly market: SimMarket) {}

  priceAt(symbol: string, t: number): number | null {
    const q = this.market.quote(symbol, t);
    if (q !== null) return (q.bid + q.ask) / 2;
    const minute = Math.floor(t / MINUTE_MS);
    const kept = this.shut.get(symbol);
    if (kept?.minute === minute) return kept.price;
    const price = simUnderlyingPrice(this.market, symbol, t);
    this.shut.set(symbol, { minute, price });
    return price;
  }
}
