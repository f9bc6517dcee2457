#!/usr/bin/env node
// `npm start`: always starts a workstation. Builds, then launches the Electron
// app; where Electron cannot run (no display, or no binary and none can be
// downloaded) it says so in one line and starts `tapedeck serve` instead.
// Set TAPEDECK_NO_ELECTRON=1 to go straight to serve mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function build() {
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('tapedeck: the build failed (see above)');
    process.exit(1);
  }
}

/** Why Electron cannot run here, or null when it can; downloads the binary on first use. */
function electronBlocker() {
  if (process.env.TAPEDECK_NO_ELECTRON === '1') return 'TAPEDECK_NO_ELECTRON=1';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const binaryPresent = () => {
    const pathFile = join(pkgDir, 'path.txt');
    return existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  };
  if (binaryPresent()) return null;
  console.log('tapedeck: fetching the Electron binary (first start only)…');
  const install = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  if (install.status === 0 && binaryPresent()) return null;
  return 'its binary could not be downloaded';
}

/** An Electron that exits with an error this soon never showed a workstation (no sandbox support, missing libraries). */
const EARLY_EXIT_MS = 15_000;

function run(command, args, onEarlyFailure) {
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const s of ['SIGINT', 'SIGTERM']) process.off(s, forward);
    if (onEarlyFailure && code !== 0 && signal === null && Date.now() - started < EARLY_EXIT_MS) onEarlyFailure(code);
    else process.exit(code ?? (signal ? 1 : 0));
  });
}

function serveInstead(reason) {
  console.log(`tapedeck: Electron cannot run here (${reason}); starting tapedeck serve instead: open the URL below in a browser.`);
  run(process.execPath, [join(root, 'bin/tapedeck.mjs'), 'serve', ...passThrough]);
}

build();
const blocker = electronBlocker();
if (blocker === null) {
  const electron = require('electron'); // the binary's path (the package's main export)
  run(electron, ['.', ...passThrough], (code) => serveInstead(`it exited at start with code ${code}`));
} else {
  serveInstead(blocker);
}
