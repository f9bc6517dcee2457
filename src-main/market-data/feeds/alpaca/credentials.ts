import { inspect } from 'node:util';

/**
 * An Alpaca API key pair. It lives in the main process only: it is sent in
 * the APCA-API-* request headers and the stream's auth message, and nowhere
 * else (never logged, never in an error message, never to the renderer).
 */
export interface AlpacaCredentials {
  readonly keyId: string;
  readonly secret: string;
}

/**
 * Where the keys come from: the environment (`tapedeck serve`, the CLI), the
 * desktop app's encrypted store (Electron safeStorage, whose API is async),
 * or a test. The feed asks once at connect, and again when told the keys changed.
 */
export interface AlpacaCredentialsSource {
  /** The keys, or null when none are configured. */
  load(): Promise<AlpacaCredentials | null>;
  /** What the feed's health says when `load` gives null (names where to put the keys). */
  readonly missingReason: string;
}

const REDACTED = '[redacted]';

/**
 * A key pair that does not print itself: the values are private fields read
 * through getters (which console.log, util.inspect and JSON.stringify do not
 * show), and toJSON / inspect say only that keys are held.
 */
export class AlpacaKeys implements AlpacaCredentials {
  readonly #keyId: string;
  readonly #secret: string;

  constructor(keyId: string, secret: string) {
    this.#keyId = keyId;
    this.#secret = secret;
  }

  get keyId(): string {
    return this.#keyId;
  }

  get secret(): string {
    return this.#secret;
  }

  toJSON(): string {
    return 'AlpacaKeys [redacted]';
  }

  toString(): string {
    return 'AlpacaKeys [redacted]';
  }

  [inspect.custom](): string {
    return 'AlpacaKeys [redacted]';
  }
}

/** Whatever a source handed over, as keys that do not print themselves. */
export function sealKeys(keys: AlpacaCredentials): AlpacaKeys {
  return keys instanceof AlpacaKeys ? keys : new AlpacaKeys(keys.keyId, keys.secret);
}

/** `text` with every occurrence of the key id and the secret replaced: applied to anything foreign (a venue message, a socket error) before it is logged or thrown. */
export function scrub(text: string, keys: AlpacaCredentials | null | undefined): string {
  if (keys === null || keys === undefined) return text;
  let out = text;
  for (const value of [keys.secret, keys.keyId]) {
    if (value.length >= 4) out = out.split(value).join(REDACTED);
  }
  return out;
}

export const ENV_KEYS_MISSING = 'no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY';

/**
 * Keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY (serve and the CLI). Empty
 * values count as absent; one of the two alone counts as none, and the reason
 * says which one is missing.
 */
export function envCredentials(env: Readonly<Record<string, string | undefined>>): AlpacaCredentialsSource {
  const keyId = env['APCA_API_KEY_ID']?.trim() ?? '';
  const secret = env['APCA_API_SECRET_KEY']?.trim() ?? '';
  const keys = keyId !== '' && secret !== '' ? new AlpacaKeys(keyId, secret) : null;
  const missingReason =
    keyId === '' && secret !== '' ? 'no Alpaca keys: APCA_API_SECRET_KEY is set but APCA_API_KEY_ID is not'
    : keyId !== '' && secret === '' ? 'no Alpaca keys: APCA_API_KEY_ID is set but APCA_API_SECRET_KEY is not'
    : ENV_KEYS_MISSING;
  return { load: () => Promise.resolve(keys), missingReason };
}

/** Fixed keys (tests, or a caller that already holds them). */
export function staticCredentials(keyId: string, secret: string): AlpacaCredentialsSource {
  const keys = new AlpacaKeys(keyId, secret);
  return { load: () => Promise.resolve(keys), missingReason: ENV_KEYS_MISSING };
}

/** No keys at all: the feed stays OFFLINE with `missingReason`. */
export function noCredentials(missingReason: string = ENV_KEYS_MISSING): AlpacaCredentialsSource {
  return { load: () => Promise.resolve(null), missingReason };
}
