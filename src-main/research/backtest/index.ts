/**
 * The backtest engine: a deterministic, bar-driven simulation of one strategy
 * over bars already in memory, and its statistics. Pure: no I/O, no clock, no
 * randomness. This file is the folder's only public face.
 */
export { runBacktest, type RunOptions } from './backtest-engine';
export { OVERLAY_MAX_LEVELS, strategyOverlay, type Overlay, type OverlayOutcome, type OverlaySignal } from './strategy-overlay';
export type { ShadowSignal } from './shadow-book';
export { backtestConfigSchema, parseBacktestConfig, type BacktestConfig, type BacktestConfigInput, type ConfigResult } from './backtest-config';
export type { BacktestError } from './backtest-error';
export { serializeBacktest, toBacktestResult, unaffordableNote, type BacktestOutcome, type BacktestOutput, type EquityColumns, type OpenPosition } from './backtest-result';
export { periodsPerYear } from './annualisation';
export { validateBars } from './validate-bars';
export { CostModel } from './cost-model';
export { affordableUnits, FRACTION_STEPS_PER_UNIT } from './position-sizing';
