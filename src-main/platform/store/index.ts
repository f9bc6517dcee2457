export { openDatabase, journalMode, type Db } from './database';
export { migrate, schemaVersion, type MigrationReport } from './migrate';
export { MIGRATIONS } from './migrations';
export type { Migration } from './migration';
export { SettingsRepository } from './settings-repository';
export { BarStore, chunkSpan, type SeriesInfo, type SeriesKey } from './bar-store';
export type { MergeCounts, UpsertMode } from './chunk-merge';
export { BacktestRunRepository, type StoredBacktestRun, type StoredBacktestSummary } from './backtest-run-repository';
export { BarVoids, type BarVoid, type VoidReason } from './bar-voids';
