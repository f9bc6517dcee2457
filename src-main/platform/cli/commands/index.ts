import type { Command } from '../command';
import { backtestCommand } from './backtest-command';
import { candlesCommand } from './candles-command';
import { importCommand } from './import-command';
import { indicatorsCommand } from './indicators-command';
import { journalCommand } from './journal-command';
import { ingestCommand } from './ingest-command';
import { markersCommand } from './markers-command';
import { optimizeCommand } from './optimize-command';
import { optionsCommand } from './options-command';
import { serveCommand } from './serve-command';

/** Every `tapedeck` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, importCommand, candlesCommand, ingestCommand, backtestCommand, optimizeCommand, indicatorsCommand, markersCommand, optionsCommand, journalCommand];
