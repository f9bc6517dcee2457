import type { CliIo } from './cli-io';

export interface Command {
  readonly name: string;
  /** One line for `tapedeck --help`. */
  readonly summary: string;
  /** The full text for `tapedeck <name> --help`. */
  readonly help: string;
  /** Returns the exit code; throws UsageError for bad flags or input. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
