import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../../helpers/serve-process';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The GLIBC_TUNABLES the running process was started with (Linux: its /proc
 * environ). glibc's parser overwrites each ':' between tunables with a NUL in
 * place, so the tunables after the first read as entries of their own.
 */
function tunablesOf(pid: number): string | undefined {
  const env = readFileSync(`/proc/${String(pid)}/environ`, 'utf8').split('\0');
  const at = env.findIndex((e) => e.startsWith('GLIBC_TUNABLES='));
  if (at < 0) return undefined;
  const rest = env.slice(at + 1);
  const end = rest.findIndex((e) => !e.startsWith('glibc.'));
  const more = end < 0 ? rest : rest.slice(0, end);
  return [(env[at] ?? '').slice('GLIBC_TUNABLES='.length), ...more].join(':');
}

const THRESHOLD = 'glibc.malloc.mmap_threshold=1048576';

/**
 * bin/tapedeck.mjs re-executes `serve` once with glibc's mmap threshold fixed
 * (large buffers freed go back to the system instead of staying in a thread's
 * arena): same pid, the server still answers, a threshold the user set is kept.
 */
describe.runIf(process.platform === 'linux')('tapedeck serve: malloc tunables', () => {
  let serve: ServeProcess | undefined;
  const dir = tempDir();
  afterEach(async () => {
    await serve?.stop();
    serve = undefined;
  });
  afterAll(() => dir.remove());

  it('runs with a fixed mmap threshold, in the process that was started, and serves', async () => {
    serve = await startServeProcess(dir.path, [], { GLIBC_TUNABLES: '' });
    expect(tunablesOf(serve.child.pid ?? 0)).toBe(THRESHOLD);
    expect((await fetch(serve.url)).status).toBe(200);
    expect(await serve.stop()).toBe(0);
  });

  it('adds to tunables already set, and keeps a threshold the user chose', async () => {
    serve = await startServeProcess(dir.path, [], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' });
    expect(tunablesOf(serve.child.pid ?? 0)).toBe(`glibc.malloc.arena_max=4:${THRESHOLD}`);
    await serve.stop();
    serve = await startServeProcess(dir.path, [], { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' });
    expect(tunablesOf(serve.child.pid ?? 0)).toBe('glibc.malloc.mmap_threshold=65536');
  });

  it('keeps glibc defaults when asked (TAPEDECK_MALLOC_DEFAULTS=1)', async () => {
    serve = await startServeProcess(dir.path, [], { GLIBC_TUNABLES: '', TAPEDECK_MALLOC_DEFAULTS: '1' });
    expect(tunablesOf(serve.child.pid ?? 0) ?? '').toBe('');
    expect((await fetch(serve.url)).status).toBe(200);
  });
});
