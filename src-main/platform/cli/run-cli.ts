import { APP_VERSION } from '../app/app-info';
import { DataDirError } from '../config/data-dir';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { COMMANDS } from './commands';
import { Interrupted } from './stop';

function mainHelp(): string {
  const rows = [...COMMANDS.map((c) => [c.name, c.summary] as const), ['help', 'show help for a command: tapedeck help <command>'] as const];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Tapedeck ${APP_VERSION}: a trading workstation.

Usage: tapedeck <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help
  -V, --version  print the version

Exit codes: 0 ok, 1 failure, 2 bad usage or input, 130/143 stopped by SIGINT/SIGTERM.`;
}

/** Runs one `tapedeck` invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help') {
      io.out(mainHelp());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '-V' || first === '--version') {
      io.out(APP_VERSION);
      return EXIT.ok;
    }
    if (first === 'help') {
      const target = rest[0];
      if (target === undefined) {
        io.out(mainHelp());
        return EXIT.ok;
      }
      const command = COMMANDS.find((c) => c.name === target);
      if (command === undefined) throw new UsageError(`unknown command "${target}"`);
      io.out(command.help);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option "${first}" (try tapedeck --help)`);
    const command = COMMANDS.find((c) => c.name === first);
    if (command === undefined) throw new UsageError(`unknown command "${first}" (try tapedeck --help)`);
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tapedeck: ${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof Interrupted) {
      io.err(`tapedeck: ${err.message}`);
      return err.exitCode;
    }
    // A command that did not check its data directory first (dataDirOption does).
    if (err instanceof DataDirError) {
      io.err(`tapedeck: --data-dir: ${err.message}`);
      return EXIT.usage;
    }
    io.err(`tapedeck: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}
