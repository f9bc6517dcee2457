import type { IncomingHttpHeaders } from 'node:http';

/** The one key pair the fake accepts (per fake account). */
export interface FakeKeys {
  readonly keyId: string;
  readonly secret: string;
}

export const FAKE_KEYS: FakeKeys = { keyId: 'PKFAKE0KEY0ID0TAPEDECK', secret: 'fake-secret-0123456789-tapedeck-never-log-me' };

export type HeaderCheck = 'ok' | 'missing' | 'wrong';

/** The APCA-API-KEY-ID / APCA-API-SECRET-KEY headers of a request, judged. */
export function checkKeyHeaders(headers: IncomingHttpHeaders, keys: FakeKeys): HeaderCheck {
  const id = headers['apca-api-key-id'];
  const secret = headers['apca-api-secret-key'];
  if (typeof id !== 'string' || typeof secret !== 'string' || id === '' || secret === '') return 'missing';
  return id === keys.keyId && secret === keys.secret ? 'ok' : 'wrong';
}
