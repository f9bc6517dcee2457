import type { Command } from '../command';
import { candlesCommand } from './candles-command';
import { importCommand } from './import-command';
import { ingestCommand } from './ingest-command';
import { serveCommand } from './serve-command';

/** Every `tapedeck` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, importCommand, candlesCommand, ingestCommand];
