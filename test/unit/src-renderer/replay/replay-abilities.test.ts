import { describe, expect, it } from 'vitest';
import type { ReplayState } from '../../../../shared/contract';
import { replayAbilities } from '../../../../src-renderer/replay/replay-abilities';

const state = (status: ReplayState['status']): ReplayState =>
  ({ status, source: 'sim', symbol: 'BTCUSDT', from: 0, to: 60_000, cursor: 0, speed: 1 }) as ReplayState;

const on = (a: Record<string, boolean>): string[] => Object.keys(a).filter((k) => a[k]);

describe('replayAbilities', () => {
  it('offers only what the status allows', () => {
    expect(on({ ...replayAbilities(null, false) })).toEqual(['start']);
    expect(on({ ...replayAbilities(state('idle'), false) })).toEqual(['start']);
    expect(on({ ...replayAbilities(state('playing'), false) })).toEqual(['pause', 'step', 'seek', 'stop', 'chart']);
    expect(on({ ...replayAbilities(state('paused'), false) })).toEqual(['resume', 'step', 'seek', 'stop', 'chart']);
    expect(on({ ...replayAbilities(state('finished'), false) })).toEqual(['start', 'seek', 'stop', 'chart']);
  });

  it('offers nothing while a call is in flight', () => {
    expect(on({ ...replayAbilities(state('playing'), true) })).toEqual([]);
  });
});
