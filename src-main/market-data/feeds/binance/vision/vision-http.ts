/** A download that answered neither 200 nor 404, or broke off. */
export class VisionHttpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisionHttpError';
  }
}

const TIMEOUT_MS = 120_000;

/** fetch's own message is "fetch failed"; the reason (ECONNREFUSED, a timeout) is in its cause. */
function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause: unknown = err.cause;
  return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
}

/**
 * GETs `url` into memory with node's fetch: the bytes, or null for a 404 (a
 * file Binance has not published). Refuses bodies over `maxBytes` (a month of
 * 1m klines is 2-4 MB), so a wrong URL cannot fill the memory.
 */
export async function fetchBytes(url: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer | null> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const res = await fetch(url, { signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]) }).catch((err: unknown) => {
    throw new VisionHttpError(`GET ${url} failed: ${reason(err)}`);
  });
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  if (res.status !== 200 || res.body === null) {
    await res.body?.cancel();
    throw new VisionHttpError(`GET ${url} answered HTTP ${String(res.status)}`);
  }
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new VisionHttpError(`GET ${url}: ${String(declared)} bytes is more than the ${String(maxBytes)} allowed`);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const part of res.body as AsyncIterable<Uint8Array>) {
      size += part.byteLength;
      if (size > maxBytes) throw new VisionHttpError(`GET ${url}: more than the ${String(maxBytes)} bytes allowed`);
      parts.push(part);
    }
  } catch (err) {
    if (err instanceof VisionHttpError) throw err;
    throw new VisionHttpError(`GET ${url} broke off: ${reason(err)}`);
  }
  return Buffer.concat(parts, size);
}
