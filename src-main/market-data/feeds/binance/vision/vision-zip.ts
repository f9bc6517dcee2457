import type { Readable } from 'node:stream';
import { fromBufferPromise, type Entry } from 'yauzl';

/** The archive is not the one-CSV ZIP Binance publishes. */
export class VisionZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VisionZipError';
  }
}

/**
 * Opens the single CSV inside a kline ZIP as a stream of its decompressed
 * bytes. yauzl reads the central directory (so entries written with data
 * descriptors are found), checks each entry's sizes and inflates with
 * node's zlib while the caller reads.
 */
export async function openSingleCsv(zip: Buffer, zipName: string): Promise<{ name: string; stream: Readable }> {
  try {
    const archive = await fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
    const files: Entry[] = [];
    for await (const entry of archive.eachEntry()) {
      if (!entry.fileName.endsWith('/')) files.push(entry);
    }
    const [only] = files;
    if (only === undefined || files.length !== 1 || !only.fileName.toLowerCase().endsWith('.csv')) {
      throw new VisionZipError(`${zipName} holds ${files.map((f) => f.fileName).join(', ') || 'nothing'}, not one CSV file`);
    }
    if (!only.canDecodeFileData()) throw new VisionZipError(`${zipName}: ${only.fileName} is encrypted or uses an unsupported compression`);
    return { name: only.fileName, stream: await archive.openReadStreamPromise(only) };
  } catch (err) {
    if (err instanceof VisionZipError) throw err;
    throw new VisionZipError(`${zipName} is not a readable ZIP: ${err instanceof Error ? err.message : String(err)}`);
  }
}
