import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaStore } from '../../../../src-main/journal/media-store';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('MediaStore on its writer thread', () => {
  const dirs: string[] = [];
  const stores: MediaStore[] = [];
  const fresh = (): { dir: string; store: MediaStore } => {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-media-writer-'));
    const store = new MediaStore(dir);
    dirs.push(dir);
    stores.push(store);
    return { dir, store };
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('decodes base64 off the event loop and stores the bytes under their SHA-256, once', async () => {
    const { dir, store } = fresh();
    const bytes = Buffer.concat([PNG_HEAD, Buffer.from('pane pixels')]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const a = await store.putBase64Async(bytes.toString('base64'), 'png');
    expect(a).toEqual({ sha256: sha, path: join('media', sha.slice(0, 2), `${sha}.png`), bytes: 19 });
    expect(readFileSync(join(dir, a.path))).toEqual(bytes);
    const b = await store.putBase64Async(bytes.toString('base64'), 'png');
    expect(b).toEqual(a);
    expect(readdirSync(join(dir, 'media', sha.slice(0, 2)))).toEqual([`${sha}.png`]);
  });

  it('moves a whole buffer to the thread and copies a pooled slice, storing both', async () => {
    const { dir, store } = fresh();
    const whole = new Uint8Array(new ArrayBuffer(5000)).fill(7);
    const stored = await store.putAsync(whole, 'png');
    expect(whole.byteLength).toBe(0); // handed over: its memory moved
    expect(readFileSync(join(dir, stored.path)).equals(Buffer.alloc(5000, 7))).toBe(true);
    const pooled = Buffer.from([1, 2, 3]);
    const small = await store.putAsync(pooled, 'png');
    expect(pooled).toEqual(Buffer.from([1, 2, 3]));
    expect(small.sha256).toBe(createHash('sha256').update(Buffer.from([1, 2, 3])).digest('hex'));
  });

  it('refuses a text that is not base64 and writes nothing', async () => {
    const { dir, store } = fresh();
    await expect(store.putBase64Async('iVBORw0KGgo*not-base64!', 'png')).rejects.toThrow('the image is not base64');
    expect(existsSync(join(dir, 'media'))).toBe(false);
  });

  it('holds a file on the thread until trading is quiet, then writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-media-writer-'));
    let quiet: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      quiet = resolve;
    });
    const store = new MediaStore(dir, () => gate);
    dirs.push(dir);
    stores.push(store);
    const bytes = Buffer.concat([PNG_HEAD, Buffer.from('held until quiet')]);
    let stored: { path: string } | null = null;
    const put = store.putAsync(new Uint8Array(bytes), 'png').then((s) => (stored = s));
    await new Promise((r) => setTimeout(r, 100));
    expect(stored).toBeNull();
    expect(existsSync(join(dir, 'media'))).toBe(false);
    quiet();
    await put;
    expect(readFileSync(join(dir, (stored as { path: string } | null)?.path ?? 'none')).equals(bytes)).toBe(true);
  });

  it('repairs a file whose bytes no longer match its name', async () => {
    const { dir, store } = fresh();
    const bytes = Buffer.concat([PNG_HEAD, Buffer.from('exit')]);
    const s = await store.putAsync(Buffer.from(bytes), 'png');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, s.path), 'damaged');
    expect(store.check(s.sha256, s.path)).toBe('changed');
    await store.putAsync(Buffer.from(bytes), 'png');
    expect(readFileSync(join(dir, s.path))).toEqual(bytes);
  });
});
