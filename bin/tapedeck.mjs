#!/usr/bin/env node
// The `tapedeck` command: checks the Node version, then runs the built CLI.
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`tapedeck: Node ${process.versions.node} is too old; Tapedeck needs Node >= 22.12\n`);
  process.exit(1);
}

/**
 * `serve` is long-lived, and its worker threads allocate and free series
 * columns of 1-8 MB. glibc's malloc raises its mmap threshold each time such
 * a block is freed (up to 32 MB), after which they are carved from the
 * thread's arena, which keeps its high-water mark resident even after every
 * block in it is free and the thread has exited (measured: tens of MB to
 * ~190 MB after the load of issue 10). A fixed threshold of 1 MB keeps those
 * blocks in mappings of their own, returned to the system when freed; smaller
 * buffers are served as before. The tunable is read only at process start, so
 * `serve` re-executes itself once (same pid, stdio and arguments); a threshold
 * the user set wins, TAPEDECK_MALLOC_DEFAULTS=1 keeps glibc's defaults, and
 * without process.execve (Node < 22.15) it runs as is. Before Node 26 a failed
 * execve aborts the process rather than throwing, so it is only tried when the
 * Node binary is there and executable.
 */
const MALLOC_TUNABLE = 'glibc.malloc.mmap_threshold';
const MMAP_THRESHOLD = 1024 * 1024;
const tunables = process.env.GLIBC_TUNABLES ?? '';
const canExec = () => {
  try {
    accessSync(process.execPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
if (
  process.platform === 'linux' &&
  process.argv[2] === 'serve' &&
  typeof process.execve === 'function' &&
  !tunables.includes(MALLOC_TUNABLE) &&
  process.env.TAPEDECK_MALLOC_DEFAULTS !== '1' &&
  canExec()
) {
  const value = [tunables, `${MALLOC_TUNABLE}=${String(MMAP_THRESHOLD)}`].filter((t) => t !== '').join(':');
  try {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { ...process.env, GLIBC_TUNABLES: value });
  } catch {
    // Not replaced: carry on in this process with glibc's defaults.
  }
}

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('tapedeck: not built yet: run `npm run build` first\n');
  process.exit(1);
}
await import(cli.href);
