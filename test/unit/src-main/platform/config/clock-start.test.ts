import { describe, expect, it } from 'vitest';
import { clockFromEnv } from '../../../../../src-main/platform/config/clock-start';

describe('TAPEDECK_CLOCK_START', () => {
  it('is the wall clock when unset or empty', () => {
    expect(clockFromEnv({})).toBeUndefined();
    expect(clockFromEnv({ TAPEDECK_CLOCK_START: '' })).toBeUndefined();
  });

  it('starts the clock at the instant and runs at the wall clock’s pace', () => {
    let wall = 1_000_000;
    const clock = clockFromEnv({ TAPEDECK_CLOCK_START: '2026-12-04T15:30:00Z' }, () => wall);
    expect(clock?.now()).toBe(Date.UTC(2026, 11, 4, 15, 30));
    wall += 2_500;
    expect(clock?.now()).toBe(Date.UTC(2026, 11, 4, 15, 30) + 2_500);
    expect(clockFromEnv({ TAPEDECK_CLOCK_START: '2026-12-04T10:30:00-05:00' }, () => wall)?.now()).toBe(Date.UTC(2026, 11, 4, 15, 30));
  });

  it('refuses what is not an ISO instant, naming the variable', () => {
    expect(() => clockFromEnv({ TAPEDECK_CLOCK_START: 'friday' })).toThrow(/^TAPEDECK_CLOCK_START: must be an ISO instant/);
    expect(() => clockFromEnv({ TAPEDECK_CLOCK_START: '2026-12-04' })).toThrow(/^TAPEDECK_CLOCK_START: /);
  });
});
