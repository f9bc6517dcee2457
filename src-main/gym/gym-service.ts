import { randomUUID } from 'node:crypto';
import { ContractFailure, type GymAct, type GymActResult, type GymCreate, type GymState } from '../../shared/contract';
import { computeIndicator, parseIndicatorSpec } from '../../shared/indicators';
import { sessionKeys } from '../../shared/market/session-date';
import { DataSetError } from '../backtest-data/data-set-error';
import { loadSeriesBars } from '../backtest-data/series-bars';
import type { BarService } from '../market-data/bar-service';
import { GymSession } from './gym-session';

/** Sessions kept at once; creating one more drops the least recently used. */
export const MAX_GYM_SESSIONS = 64;

/**
 * The gym's sessions, by id. Each holds its bars and indicator series in
 * memory (computed once at create); the least recently used session is
 * dropped when the cap is reached, so agents that never close theirs cannot
 * exhaust memory.
 */
export class GymService {
  private readonly sessions = new Map<string, GymSession>();

  constructor(private readonly service: BarService) {}

  async create(p: GymCreate): Promise<{ id: string; steps: number }> {
    const specs = p.indicators.map((text, i) => {
      const spec = parseIndicatorSpec(text);
      if (!spec.ok) throw new ContractFailure('BAD_REQUEST', spec.message, `params.indicators.${String(i)}`);
      return spec.spec;
    });
    let loaded;
    try {
      loaded = await loadSeriesBars(this.service, p);
    } catch (err) {
      if (err instanceof DataSetError) throw new ContractFailure('BAD_REQUEST', err.message, `params.${err.field}`);
      throw err;
    }
    const { market, columns } = loaded;
    if (columns.length < 2) throw new ContractFailure('BAD_REQUEST', 'the range holds fewer than two closed bars', 'params.from');
    const keys = sessionKeys(market, columns.time);
    const indicators = specs.flatMap((spec) => computeIndicator(spec, columns, keys));
    const id = randomUUID();
    const session = new GymSession(id, columns, indicators, { cash: p.cash, fees: p.fees, fractional: p.fractional });
    this.sessions.set(id, session);
    while (this.sessions.size > MAX_GYM_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return { id, steps: columns.length };
  }

  state(id: string): GymState {
    return this.get(id).state();
  }

  act(a: GymAct): GymActResult {
    const session = this.get(a.id);
    if (session.done) throw new ContractFailure('BAD_REQUEST', 'the session is done: its last bar is revealed', 'params.id');
    return session.act(a.action, a.sizePct);
  }

  close(id: string): boolean {
    return this.sessions.delete(id);
  }

  /** Finds a session and marks it most recently used. */
  private get(id: string): GymSession {
    const session = this.sessions.get(id);
    if (session === undefined) throw new ContractFailure('NOT_FOUND', `no gym session "${id}" (closed, or dropped after ${String(MAX_GYM_SESSIONS)} newer ones)`, 'params.id');
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }
}
