import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALPACA_KEYS_FILE, SafeStorageAlpacaKeys, type AsyncCipher } from '../../../../../src-main/platform/electron/alpaca-key-store';
import { tempDir } from '../../../../helpers/temp-dir';

/** A stand-in for safeStorage: reversible, and the plain text does not survive in its output. */
function xorCipher(key = 0x5a, reEncrypt = false): AsyncCipher & { decrypts: number } {
  const flip = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ key));
  const c = {
    decrypts: 0,
    encryptStringAsync: (s: string) => Promise.resolve(flip(Buffer.from(s, 'utf8'))),
    decryptStringAsync: (b: Buffer) => {
      c.decrypts++;
      return Promise.resolve({ result: flip(b).toString('utf8'), shouldReEncrypt: reEncrypt });
    },
  };
  return c;
}

const KEYS = { keyId: 'PKTESTKEYID0000000001', secret: 'very-secret-value-0123456789' };
let dir: ReturnType<typeof tempDir>;

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

describe('the desktop app’s Alpaca key store (safeStorage, async)', () => {
  it('has no keys until they are saved; saved, they load back sealed and the file holds neither value in clear', async () => {
    const store = new SafeStorageAlpacaKeys(dir.path, xorCipher());
    expect(await store.load()).toBeNull();
    expect(store.missingReason).toMatch(/enter them in Settings/);
    await store.save(KEYS);
    const file = readFileSync(join(dir.path, ALPACA_KEYS_FILE));
    expect(file.toString('utf8')).not.toContain(KEYS.secret);
    expect(file.toString('utf8')).not.toContain(KEYS.keyId);
    const loaded = await store.load();
    expect([loaded?.keyId, loaded?.secret]).toEqual([KEYS.keyId, KEYS.secret]);
    expect(`${inspect(loaded)} ${JSON.stringify(loaded)}`).not.toContain(KEYS.secret);
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('a file another keychain encrypted (or a broken one) is an error that says what to do and shows no key', async () => {
    await new SafeStorageAlpacaKeys(dir.path, xorCipher(0x11)).save(KEYS);
    const other = new SafeStorageAlpacaKeys(dir.path, xorCipher(0x22));
    await expect(other.load()).rejects.toThrow(`${ALPACA_KEYS_FILE} does not hold a key pair: enter the keys again in Settings`);
    const refusing = new SafeStorageAlpacaKeys(dir.path, { encryptStringAsync: () => Promise.reject(new Error('x')), decryptStringAsync: () => Promise.reject(new Error(KEYS.secret)) });
    await expect(refusing.load()).rejects.toThrow(/could not be decrypted \(the system keychain refused\)/);
    await refusing.load().catch((err: unknown) => expect(String(err)).not.toContain(KEYS.secret));
  });

  it('re-encrypts when safeStorage asks, and refuses an empty field naming it without its value', async () => {
    const cipher = xorCipher(0x5a, true);
    const store = new SafeStorageAlpacaKeys(dir.path, cipher);
    await store.save(KEYS);
    const before = readFileSync(join(dir.path, ALPACA_KEYS_FILE));
    await store.load();
    expect(readFileSync(join(dir.path, ALPACA_KEYS_FILE)).equals(before)).toBe(true);
    expect(cipher.decrypts).toBe(1);
    await expect(store.save({ keyId: KEYS.keyId, secret: '  ' })).rejects.toThrow('Alpaca keys: secret must be 1 to 256 characters');
  });
});
