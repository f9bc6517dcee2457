import type { TapedeckClient } from '../api/tapedeck-client';

export interface MediaEntry {
  readonly status: 'ok' | 'missing' | 'changed';
  /** An object URL of the PNG (null when the file is missing). */
  readonly url: string | null;
}

export interface MediaCache {
  /** The screenshot's picture, read once and kept while it is among the `max` most recently used. */
  get(sha256: string): Promise<MediaEntry>;
  /** Forgets every entry (their object URLs are released). */
  clear(): void;
}

function pngUrl(base64: string): string {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
}

/** Screenshots fetched through journal.media, as object URLs (the CSP allows blob: images), least recently used dropped first. */
export function createMediaCache(client: Pick<TapedeckClient, 'call'>, max = 150): MediaCache {
  const entries = new Map<string, Promise<MediaEntry>>();
  const release = (p: Promise<MediaEntry>): void => {
    void p.then((e) => {
      if (e.url !== null) URL.revokeObjectURL(e.url);
    });
  };
  return {
    get(sha256) {
      const known = entries.get(sha256);
      if (known !== undefined) {
        entries.delete(sha256);
        entries.set(sha256, known);
        return known;
      }
      const loading = client.call('journal.media', { sha256 }).then((r) => ({ status: r.status, url: r.png === null ? null : pngUrl(r.png) }));
      // A failed read is not remembered: the next look asks again.
      loading.catch(() => entries.delete(sha256));
      entries.set(sha256, loading);
      while (entries.size > max) {
        const [oldest, entry] = entries.entries().next().value ?? [];
        if (oldest === undefined || entry === undefined) break;
        entries.delete(oldest);
        release(entry);
      }
      return loading;
    },
    clear() {
      for (const e of entries.values()) release(e);
      entries.clear();
    },
  };
}
