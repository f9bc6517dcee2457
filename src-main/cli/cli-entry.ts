import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  // Built beside this file by electron-vite (its own entry).
  optimizeWorker: ((path) => (existsSync(path) ? path : undefined))(fileURLToPath(new URL('./optimize-worker.js', import.meta.url))),
});
process.exitCode = code;
