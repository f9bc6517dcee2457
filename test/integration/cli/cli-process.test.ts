import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, startServeProcess, type ServeProcess } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/** The built `tapedeck` executable, run as a user runs it (needs `npm run build`). */
function tapedeck(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TAPEDECK_DATA_DIR: '' } });
}

describe('the tapedeck executable', () => {
  it('--help lists the commands and exits 0', () => {
    const r = tapedeck('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: tapedeck <command> [options]');
    expect(r.stdout).toMatch(/^ {2}serve /m);
    expect(r.stderr).toBe('');
  });

  it('a bad flag exits 2 with one clear line on stderr', () => {
    const r = tapedeck('serve', '--prot', '80');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("tapedeck: unknown option '--prot' (see --help)\n");
  });

  it('a port already in use is a failure (exit 1), not a crash', async () => {
    const dir = tempDir();
    const first = await startServeProcess(dir.path);
    const port = new URL(first.url).port;
    const r = tapedeck('serve', '--port', port, '--data-dir', dir.path);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tapedeck: .*EADDRINUSE/);
    await first.stop();
    dir.remove();
  });
});

describe('tapedeck serve as a process', () => {
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = tempDir();
    serve = await startServeProcess(dir.path);
  });
  afterAll(() => dir.remove());

  it('prints a loopback URL carrying a token of 32 URL-safe characters', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(serve.stdout()).toContain(`data: ${dir.path}`);
  });

  it('serves the built UI with the token and refuses a request without it', async () => {
    const ok = await fetch(serve.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>Tapedeck</title>');
    const origin = new URL(serve.url).origin;
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/index.html?token=wrong`)).status).toBe(401);
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    expect(await serve.stop()).toBe(0);
    expect(serve.stdout()).toContain('Tapedeck stopped.');
  });
});
