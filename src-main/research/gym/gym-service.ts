import { randomUUID } from 'node:crypto';
import { ContractFailure, type GymAct, type GymActResult, type GymCreate, type GymState } from '../../../shared/contract';
import { parseIndicatorSpec } from '../../../shared/indicators';
import { DataSetError } from '../backtest-data/data-set-error';
import { MAX_SERIES_BARS } from '../backtest-data/series-bars';
import type { BarService } from '../../market-data/bar-service';
import type { JobPool } from '../../platform/workers/job-pool';
import { GymSession } from './gym-session';

/** Sessions kept at once; creating one more drops the least recently used. */
export const MAX_GYM_SESSIONS = 64;
/**
 * Numbers all sessions hold at most (bars × (8 columns + indicator series)):
 * 64 M numbers are 512 MB. A new session that would pass it drops the least
 * recently used ones; one that is larger by itself is refused.
 */
export const MAX_GYM_VALUES = 64_000_000;

const valuesOf = (s: GymSession): number => s.values;

/**
 * The gym's sessions, by id. Each holds its bars and indicator series in
 * memory, computed once at create in the worker pool (never on the event
 * loop). Memory is bounded by the numbers held, not only by the number of
 * sessions: agents that never close theirs cannot exhaust it.
 */
export class GymService {
  private readonly sessions = new Map<string, GymSession>();

  constructor(
    private readonly service: BarService,
    private readonly pool: JobPool,
    private readonly maxValues = MAX_GYM_VALUES,
  ) {}

  async create(p: GymCreate, signal?: AbortSignal): Promise<{ id: string; steps: number }> {
    p.indicators.forEach((text, i) => {
      const spec = parseIndicatorSpec(text);
      if (!spec.ok) throw new ContractFailure('BAD_REQUEST', spec.message, `params.indicators.${String(i)}`);
    });
    let loaded;
    try {
      const { truth, window } = await this.service.runWindow(p, MAX_SERIES_BARS);
      loaded = await this.pool.run({ kind: 'gym', truth, window, indicators: p.indicators }, signal === undefined ? {} : { signal });
    } catch (err) {
      if (err instanceof DataSetError) throw new ContractFailure('BAD_REQUEST', err.message, `params.${err.field}`);
      throw err;
    }
    const { columns, indicators } = loaded;
    const session = new GymSession(randomUUID(), columns, indicators, { cash: p.cash, fees: p.fees, fractional: p.fractional });
    if (session.values > this.maxValues) {
      throw new ContractFailure(
        'LIMIT',
        `a session of ${columns.length.toLocaleString('en-US')} bars with ${String(indicators.length)} indicator series holds ${session.values.toLocaleString('en-US')} numbers; the gym holds ${this.maxValues.toLocaleString('en-US')} at most: narrow the range or ask for fewer indicators`,
        'limits.gymValues',
      );
    }
    this.sessions.set(session.id, session);
    let held = [...this.sessions.values()].reduce((n, s) => n + valuesOf(s), 0);
    for (const [id, s] of this.sessions) {
      if (held <= this.maxValues && this.sessions.size <= MAX_GYM_SESSIONS) break;
      if (id === session.id) continue;
      this.sessions.delete(id);
      held -= valuesOf(s);
    }
    return { id: session.id, steps: columns.length };
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

  /** Numbers held by every session (for the limit and for tests). */
  get valuesHeld(): number {
    return [...this.sessions.values()].reduce((n, s) => n + valuesOf(s), 0);
  }

  /** Finds a session and marks it most recently used. */
  private get(id: string): GymSession {
    const session = this.sessions.get(id);
    if (session === undefined) throw new ContractFailure('NOT_FOUND', `no gym session "${id}" (closed, or dropped for newer ones: the gym keeps ${String(MAX_GYM_SESSIONS)} sessions and ${this.maxValues.toLocaleString('en-US')} numbers at most)`, 'params.id');
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }
}
