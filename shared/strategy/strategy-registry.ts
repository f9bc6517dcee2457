import { emaRsiStrategy } from './strategies/ema-rsi';
import { orbStrategy } from './strategies/orb';
import { smaCrossStrategy } from './strategies/sma-cross';
import { timeWindowStrategy } from './strategies/time-window';
import type { StrategyDefinition } from './strategy';

/** Every strategy Tapedeck ships, in the order the UI lists them. */
export const STRATEGIES: readonly StrategyDefinition[] = [smaCrossStrategy, emaRsiStrategy, orbStrategy, timeWindowStrategy];

/** The strategy with this id, or undefined. */
export function findStrategy(id: string): StrategyDefinition | undefined {
  return STRATEGIES.find((s) => s.id === id);
}
