import { describe, expect, it } from 'vitest';
import { barSchema } from '../../../../shared/domain/bar';
import { barListSchema } from '../../../../shared/domain/bar-list';
import { prng } from '../../../helpers/prng';

const good = { time: 1_700_000_000_000, open: 10, high: 12, low: 9, close: 11, volume: 5, trades: 3, final: true };

describe('barListSchema: the rules of barSchema, checked without a copy', () => {
  it('accepts good bars and hands back the very same list', () => {
    const list = [good, { ...good, time: good.time + 60_000, final: false }];
    const parsed = barListSchema().parse(list);
    expect(parsed).toBe(list);
  });

  it('names the first bad bar and field', () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ ...good, time: -1 }, [1, 'time']],
      [{ ...good, time: 1.5 }, [1, 'time']],
      [{ ...good, open: 0 }, [1, 'open']],
      [{ ...good, close: Number.NaN }, [1, 'close']],
      [{ ...good, high: 1e13, low: 1 }, [1, 'high']],
      [{ ...good, volume: -1 }, [1, 'volume']],
      [{ ...good, trades: 2.5 }, [1, 'trades']],
      [{ ...good, final: 1 }, [1, 'final']],
      [{ ...good, high: 10.5 }, [1]],
    ];
    for (const [bad, path] of cases) {
      const r = barListSchema().safeParse([good, bad, good]);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(path);
    }
    expect(barListSchema({ min: 1 }).safeParse([]).success).toBe(false);
    expect(barListSchema().safeParse({}).success).toBe(false);
  });

  it('agrees with barSchema on random bars', () => {
    const random = prng(5);
    const pick = (): number => [0, -1, 1, 2.5, 1e13, Number.NaN, 10, 11, 12][Math.floor(random() * 9)] ?? 1;
    for (let i = 0; i < 2000; i++) {
      const b = { time: random() < 0.9 ? 1_700_000_000_000 : -5, open: pick(), high: pick(), low: pick(), close: pick(), volume: pick(), trades: random() < 0.9 ? 3 : 1.5, final: random() < 0.95 };
      expect(barListSchema().safeParse([b]).success).toBe(barSchema.safeParse(b).success);
    }
  });
});
