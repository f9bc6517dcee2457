import { describe, expect, it } from 'vitest';
import { createRunCache } from '../../../../src-renderer/backtest/run-cache';
import { fullRun } from './backtest-fixtures';

describe('createRunCache', () => {
  it('keeps the most recently used runs', () => {
    const cache = createRunCache(2);
    const [a, b, c] = [fullRun('a'), fullRun('b'), fullRun('c')];
    cache.put(a);
    cache.put(b);
    expect(cache.get('a')).toBe(a);
    cache.put(c);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(a);
    expect(cache.get('c')).toBe(c);
    cache.drop('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
