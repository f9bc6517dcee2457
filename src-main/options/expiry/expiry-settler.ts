import { isoDate } from '../../../shared/market/civil-date';
import { contractFromOcc, intrinsicValue, isExpired } from '../../../shared/options/option-contract';
import { roundMoney } from '../../../shared/trading/fees';
import type { Position } from '../../../shared/trading/position';
import type { Ticker } from '../../platform/app/clock';
import type { Logger } from '../../platform/rpc';
import type { Broker } from '../../trading/brokers/broker';
import type { ChainProviders } from '../chain/chain-providers';

/** How often held contracts are looked at for an expiry that has come. */
export const SETTLE_CHECK_MS = 1_000;

export interface ExpirySettlerDeps {
  /** Every account's broker now (a reset opens a new one). */
  readonly brokers: () => readonly Broker[];
  /** Calls `listener` after any account's positions changed; returns the function that stops. */
  readonly onPositions: (listener: () => void) => () => void;
  readonly providers: ChainProviders;
  /** The market clock of a source. */
  readonly now: (source: string) => number;
  readonly ticker: Ticker;
  readonly log: Logger;
}

/** The settlement's audit line: what expired, when, and what it paid. */
export function settlementNote(symbol: string, expiryDate: number, price: number, underlying: string, underlyingPrice: number): string {
  const paid = price === 0 ? 'worthless (settled at 0)' : `settled at its intrinsic value ${String(price)}`;
  return `${symbol} expired at 16:00 New York on ${isoDate(expiryDate)}: ${paid}, ${underlying} at ${String(underlyingPrice)}`;
}

/**
 * Closes paper positions in contracts that expired: every second while an
 * option position is open (and at start, for what expired while Tapedeck
 * was closed) each broker that does
 * not settle expiries itself (the paper broker) is asked to close every
 * position held past its contract's 16:00 New York expiry at the intrinsic
 * value at the underlying's price at that instant (its close), rounded to
 * the cent: one fill at the expiry instant, no fee, audited.
 */
export class ExpirySettler {
  private stop: (() => void) | null = null;
  private stopPositions: (() => void) | null = null;
  private sweeping = false;
  private readonly unpriced = new Set<string>();

  constructor(private readonly deps: ExpirySettlerDeps) {}

  start(): void {
    this.stopPositions ??= this.deps.onPositions(() => this.follow());
    void this.sweep();
  }

  close(): void {
    this.stopPositions?.();
    this.stopPositions = null;
    this.stop?.();
    this.stop = null;
  }

  /** The clock is looked at only while some account holds a contract of a chain. */
  private follow(): void {
    const held = this.deps.brokers().some((b) => b.settleExpired !== undefined && b.positions().some((p) => p.qty !== 0 && this.isOption(p)));
    if (held && this.stop === null && this.stopPositions !== null) this.stop = this.deps.ticker(() => void this.sweep(), SETTLE_CHECK_MS);
    if (!held && this.stop !== null) {
      this.stop();
      this.stop = null;
    }
  }

  private isOption(p: Position): boolean {
    const c = contractFromOcc(p.symbol);
    return c.ok && this.deps.providers.get(p.source)?.covers(c.value.root) === true;
  }

  /** Settles what has expired now; resolves with how many positions were closed. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let settled = 0;
    try {
      for (const broker of this.deps.brokers()) {
        if (broker.settleExpired === undefined) continue;
        for (const p of broker.positions()) if (p.qty !== 0 && (await this.settle(broker, p))) settled++;
      }
    } catch (err) {
      this.deps.log.error('settling expired options failed', err);
    } finally {
      this.sweeping = false;
    }
    this.follow();
    return settled;
  }

  private async settle(broker: Broker, p: Position): Promise<boolean> {
    const provider = this.deps.providers.get(p.source);
    const contract = contractFromOcc(p.symbol);
    if (provider === undefined || !contract.ok || !provider.covers(contract.value.root)) return false;
    const c = contract.value;
    if (!isExpired(c, this.deps.now(p.source))) return false;
    const underlyingPrice = await provider.settlementPrice(c.underlying, c.expiryTime);
    if (underlyingPrice === null) {
      const key = `${p.accountId}:${p.source}:${p.symbol}`;
      if (!this.unpriced.has(key)) this.deps.log.warn(`${p.symbol} expired but ${c.underlying} has no price at ${new Date(c.expiryTime).toISOString()}: the position stays open`);
      this.unpriced.add(key);
      return false;
    }
    const price = roundMoney(intrinsicValue(c.type, c.strike, underlyingPrice), 'USD');
    const reply = await broker.settleExpired?.({
      source: p.source,
      symbol: p.symbol,
      price,
      underlyingPrice,
      expiresAt: c.expiryTime,
      note: settlementNote(p.symbol, c.expiryDate, price, c.underlying, underlyingPrice),
    });
    if (reply === undefined || !reply.ok) {
      this.deps.log.warn(`${p.symbol}: the expiry could not be settled: ${reply?.ok === false ? reply.errors.map((e) => e.message).join('; ') : 'no settlement'}`);
      return false;
    }
    return reply.value !== null;
  }
}
