import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.3: local headers, central
 * directory, end record; deflate or stored, no data descriptors), enough to
 * build the one-CSV archives Binance Vision publishes.
 */
export function buildZip(entries: readonly { name: string; data: string | Buffer }[], method: 'deflate' | 'store' = 'deflate'): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = method === 'deflate' ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // local header offset (extra, comment, disk, attributes stay 0)
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const KLINE_HEADER = 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';

export interface KlineCsvOptions {
  /** Open/close times in µs (16 digits), as spot files from 2025 on. */
  readonly micro?: boolean;
  readonly header?: boolean;
  /** Minute indexes to leave out (gaps). */
  readonly skip?: ReadonlySet<number>;
}

const dec = (n: number): string => n.toFixed(8);

/** `minutes` kline rows from `start` (ms), deterministic prices, in Binance's 12-column layout. */
export function klineCsv(start: number, minutes: number, opts: KlineCsvOptions = {}): string {
  const scale = opts.micro === true ? 1000 : 1;
  const out: string[] = opts.header === true ? [KLINE_HEADER] : [];
  for (let i = 0; i < minutes; i++) {
    if (opts.skip?.has(i) === true) continue;
    const t = start + i * 60_000;
    const open = 42_000 + (i % 97) * 0.5;
    const close = open + ((i % 7) - 3) * 0.25;
    const high = Math.max(open, close) + 1.5;
    const low = Math.min(open, close) - 1.25;
    const volume = ((i % 50) + 1) / 8;
    const closeTime = opts.micro === true ? (t + 59_999) * 1000 + 999 : t + 59_999;
    out.push([String(t * scale), dec(open), dec(high), dec(low), dec(close), dec(volume), String(closeTime), dec(volume * open), String(10 + (i % 13)), dec(volume / 2), dec((volume * open) / 2), '0'].join(','));
  }
  return `${out.join('\n')}\n`;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The server path of a Vision kline ZIP (PROTOCOLS.md "Binance Vision"). */
export function visionPath(symbol: string, label: string): string {
  const kind = label.length === 7 ? 'monthly' : 'daily';
  return `/data/spot/${kind}/klines/${symbol}/1m/${symbol}-1m-${label}.zip`;
}

export interface FakeVision {
  readonly baseUrl: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** Serves `zip` at the file's path and a CHECKSUM of it (or of `checksumOf`, to make it lie). */
  publish(symbol: string, label: string, zip: Buffer, checksumOf?: Buffer): void;
  close(): Promise<void>;
}

/** A Binance Vision stand-in on 127.0.0.1: serves what was published, 404 for the rest. */
export async function startFakeVision(): Promise<FakeVision> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const body = req.method === 'GET' ? files.get(path) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}`,
    requests,
    publish(symbol, label, zip, checksumOf = zip) {
      const path = visionPath(symbol, label);
      files.set(path, zip);
      files.set(`${path}.CHECKSUM`, Buffer.from(`${sha256Hex(checksumOf)}  ${symbol}-1m-${label}.zip\n`));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err === undefined ? resolve() : reject(err)));
      }),
  };
}
