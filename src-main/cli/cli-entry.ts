import { runCli } from './run-cli';

/** The `tapedeck` executable (bin/tapedeck.mjs loads the built copy of this file). */
const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stopSignal,
});
process.exitCode = code;
