import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AlpacaKeys, type AlpacaCredentials, type AlpacaCredentialsSource } from '../../market-data/feeds/alpaca/credentials';

/** Electron's safeStorage, async API (only what the store uses; injected so the store is tested without Electron). */
export interface AsyncCipher {
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ readonly result: string; readonly shouldReEncrypt: boolean }>;
}

/** The file in the data directory: the key pair encrypted by the OS keychain through safeStorage. */
export const ALPACA_KEYS_FILE = 'alpaca-keys.bin';

const keysSchema = z.object({ keyId: z.string().trim().min(1).max(128), secret: z.string().trim().min(1).max(256) }).strict();

/**
 * The desktop app's Alpaca keys: entered in Settings, kept encrypted with
 * Electron safeStorage (async API) in the data directory, decrypted when the
 * feed and the broker ask. Without the file it has no keys (the reason says
 * where to put them). Errors never carry the keys: a file that cannot be
 * decrypted or read says so and nothing else.
 */
export class SafeStorageAlpacaKeys implements AlpacaCredentialsSource {
  readonly missingReason = 'no Alpaca keys: enter them in Settings (they are stored encrypted with the system keychain)';
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher: AsyncCipher,
  ) {
    this.file = join(dataDir, ALPACA_KEYS_FILE);
  }

  get stored(): boolean {
    return existsSync(this.file);
  }

  async load(): Promise<AlpacaCredentials | null> {
    if (!this.stored) return null;
    let plain: { result: string; shouldReEncrypt: boolean };
    try {
      plain = await this.cipher.decryptStringAsync(await readFile(this.file));
    } catch {
      throw new Error(`${ALPACA_KEYS_FILE} could not be decrypted (the system keychain refused): enter the keys again in Settings`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(plain.result);
    } catch {
      parsed = null;
    }
    const keys = keysSchema.safeParse(parsed);
    if (!keys.success) throw new Error(`${ALPACA_KEYS_FILE} does not hold a key pair: enter the keys again in Settings`);
    const sealed = new AlpacaKeys(keys.data.keyId, keys.data.secret);
    if (plain.shouldReEncrypt) await this.save(sealed);
    return sealed;
  }

  /** Encrypts and writes the pair (whole file replaced at once); a bad pair is refused naming the field, without its value. */
  async save(keys: AlpacaCredentials): Promise<void> {
    const checked = keysSchema.safeParse({ keyId: keys.keyId, secret: keys.secret });
    if (!checked.success) throw new Error(`Alpaca keys: ${String(checked.error.issues[0]?.path[0] ?? 'keys')} must be 1 to 256 characters`);
    const encrypted = await this.cipher.encryptStringAsync(JSON.stringify(checked.data));
    const temp = `${this.file}.tmp`;
    await writeFile(temp, encrypted, { mode: 0o600 });
    await rename(temp, this.file);
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

/** The stored pair when there is one, else the environment's: what the desktop app's feed and broker read (Settings can add or delete the file at run time). */
export function storedOrEnv(store: SafeStorageAlpacaKeys, env: AlpacaCredentialsSource): AlpacaCredentialsSource {
  return {
    load: () => (store.stored ? store.load() : env.load()),
    get missingReason() {
      return store.missingReason;
    },
  };
}
