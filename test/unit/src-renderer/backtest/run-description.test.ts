import { describe, expect, it } from 'vitest';
import { backtestRequestSchema } from '../../../../shared/contract';
import { describeCosts, describeParams } from '../../../../src-renderer/backtest/run-description';
import { REQUEST, summary } from './backtest-fixtures';

describe('run description', () => {
  it('puts the strategy and its parameters on one line', () => {
    expect(describeParams(summary('r1'))).toBe('sma-cross fast=10 slow=30');
  });

  it('lists the costs that are set', () => {
    expect(describeCosts(summary('r1'))).toBe('cash 10000, commission 0.1%, slippage 2 bps');
    const all = backtestRequestSchema.parse({
      ...REQUEST,
      costs: { cash: 500, commissionRate: 0.0005, commissionFixed: 1, slippageBps: 0, spread: 0.5, allowShort: true, fractional: true },
    });
    expect(describeCosts({ request: all })).toBe('cash 500, commission 0.05%, fee 1, spread 0.5, short, fractional');
  });
});
