import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron binary installed for this machine, or why there is none to launch. */
function electronBinary(): { path: string } | { skip: string } {
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { skip: 'no Electron binary is installed (it cannot be downloaded on this machine)' };
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  if (!existsSync(binary)) return { skip: `the Electron binary ${binary} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { skip: 'no display (run under xvfb-run)' };
  return { path: binary };
}

const found = electronBinary();
if ('skip' in found) console.warn(`SKIPPED Electron launch test: ${found.skip}`);

describe.skipIf('skip' in found)('the Electron app', () => {
  it('opens the workstation window and shows live health through the preload bridge', async () => {
    const dir = tempDir();
    const app = await electron.launch({
      executablePath: 'path' in found ? found.path : '',
      args: [root],
      env: { ...process.env, TAPEDECK_DATA_DIR: dir.path },
    });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('tapedeck://app/index.html');
      await expect.poll(() => window.getByTestId('health-badge').getAttribute('data-status')).toBe('OK');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    } finally {
      await app.close();
      dir.remove();
    }
  });
});
