import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli';
import { stopOnSignals } from './stop';

/** The `tapedeck` executable (bin/tapedeck.mjs loads the built copy of this file). */
const stop = stopOnSignals(process);

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stop,
  // Built beside this file by electron-vite (its own entry).
  optimizeWorker: ((path) => (existsSync(path) ? path : undefined))(fileURLToPath(new URL('./optimize-worker.js', import.meta.url))),
  coreWorker: ((path) => (existsSync(path) ? path : undefined))(fileURLToPath(new URL('./core-worker.js', import.meta.url))),
});
// A stopped command may leave work behind (a download, a worker): exit now rather than wait for it.
if (stop.aborted) process.exit(code);
process.exitCode = code;
