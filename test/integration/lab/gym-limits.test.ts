import { afterEach, describe, expect, it } from 'vitest';
import { gymCreateSchema, type GymCreate } from '../../../shared/contract';
import { GymService } from '../../../src-main/research/gym/gym-service';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

const NOW = Date.UTC(2024, 6, 1);
const DAY = 86_400_000;

/** A week of BTCUSDT 1m: 10,080 bars; with the default indicators (7 series) 15 numbers a bar. */
const week = (weeksBack: number, days = 7): GymCreate =>
  gymCreateSchema.parse({ symbol: 'BTCUSDT', interval: '1m', from: NOW - weeksBack * 7 * DAY - days * DAY, to: NOW - weeksBack * 7 * DAY, fractional: true });

describe('the gym is bounded by the numbers it holds, not only by its sessions', () => {
  let fx: CoreFixture;
  afterEach(() => fx.dispose());

  it('drops the least recently used sessions to make room, and refuses one larger than the limit by itself', async () => {
    fx = coreFixture({ clock: { now: () => NOW } });
    const perSession = 10_080 * (8 + 7);
    const gym = new GymService(fx.core.market.service, fx.core.pool, 2 * perSession + 1);
    const a = await gym.create(week(0));
    const b = await gym.create(week(1));
    expect(gym.valuesHeld).toBe(2 * perSession);
    gym.state(a.id); // a is now the most recently used
    const c = await gym.create(week(2));
    expect(gym.valuesHeld).toBe(2 * perSession);
    expect(() => gym.state(b.id)).toThrow(/no gym session/);
    expect(gym.state(a.id).step).toBe(0);
    expect(gym.state(c.id).step).toBe(0);

    const tooBig = await gym.create(week(0, 21)).catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ error: { code: 'LIMIT', path: 'limits.gymValues' } });
    expect(gym.valuesHeld).toBe(2 * perSession);
  });
});
