import { nyInstant, nyLocal } from '../../../shared/market/new-york-time';
import type { Position } from '../../../shared/trading/position';
import { cleanAmount } from '../../../shared/trading/decimal-steps';
import { positionsFromExecutions } from '../positions/position-ledger';
import type { ExecutionsRepository } from '../store/executions-repository';

/** The trading session a daily loss limit counts: the New York calendar day (US traders' day; crypto included). */
export function sessionStart(t: number): number {
  return nyInstant(nyLocal(t).days, 0);
}

function realizedOf(positions: readonly Position[]): number {
  return cleanAmount(positions.reduce((sum, p) => sum + p.realizedPnl - p.fees, 0));
}

/**
 * An account's realised P&L (net of fees) since the session began: what
 * its positions have realised now, less what they had realised when the
 * session started (computed once per session from the store).
 */
export class SessionPnl {
  private readonly atStart = new Map<string, { readonly start: number; readonly epoch: number; readonly realized: number }>();

  constructor(private readonly executions: ExecutionsRepository) {}

  realized(accountId: string, epoch: number, positions: readonly Position[], now: number): number {
    const start = sessionStart(now);
    let base = this.atStart.get(accountId);
    if (base === undefined || base.start !== start || base.epoch !== epoch) {
      const before = this.executions.ofEpoch(accountId, epoch).filter((e) => e.time < start);
      base = { start, epoch, realized: realizedOf(positionsFromExecutions(before)) };
      this.atStart.set(accountId, base);
    }
    return cleanAmount(realizedOf(positions) - base.realized);
  }
}
