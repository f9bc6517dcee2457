import { describe, expect, it } from 'vitest';
import type { BacktestProgress } from '../../../../shared/contract';
import { createProgressFilter } from '../../../../src-renderer/backtest/progress-filter';

const p = (id: string, status: BacktestProgress['status'], fraction: number): BacktestProgress => ({ id, status, fraction, error: null });

describe('createProgressFilter', () => {
  it('holds events until the id is known, then passes only that run', () => {
    const filter = createProgressFilter();
    expect(filter.offer(p('mine', 'running', 0.1))).toBeNull();
    expect(filter.offer(p('other', 'running', 0.9))).toBeNull();
    expect(filter.offer(p('mine', 'running', 0.3))).toBeNull();
    expect(filter.adopt('mine')).toEqual(p('mine', 'running', 0.3));
    expect(filter.offer(p('other', 'done', 1))).toBeNull();
    expect(filter.offer(p('mine', 'running', 0.6))).toEqual(p('mine', 'running', 0.6));
    expect(filter.offer(p('mine', 'done', 1))).toEqual(p('mine', 'done', 1));
    expect(filter.offer(p('mine', 'running', 0.7))).toBeNull();
  });

  it('keeps a run that finished before its id came back finished', () => {
    const filter = createProgressFilter();
    filter.offer(p('fast', 'done', 1));
    filter.offer(p('fast', 'running', 0.5));
    expect(filter.adopt('fast')).toEqual(p('fast', 'done', 1));
    expect(filter.offer(p('fast', 'failed', 1))).toBeNull();
  });

  it('has nothing to report about a run it never heard of', () => {
    const filter = createProgressFilter();
    filter.offer(p('other', 'running', 0.5));
    expect(filter.adopt('mine')).toBeNull();
    expect(filter.offer(p('mine', 'failed', 0.2))).toEqual(p('mine', 'failed', 0.2));
  });
});
