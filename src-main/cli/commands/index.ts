import type { Command } from '../command';
import { serveCommand } from './serve-command';

/** Every `tapedeck` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand];
