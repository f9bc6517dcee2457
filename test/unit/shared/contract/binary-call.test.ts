import { describe, expect, it } from 'vitest';
import { bytesOf, decodeBinaryCall, encodeBinaryCall, MAX_BINARY_HEADER_BYTES, paneImageSchema } from '../../../../shared/contract';
import { binaryRequestIdOf, parseClientBinary } from '../../../../src-main/platform/rpc';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250]);
const call = { t: 'call' as const, id: 41, method: 'chart.paneImage', params: { requestId: 'r1', pane: 1, symbol: 'SPY', interval: '5m', bytes: PNG, last: true } };

describe('a call carrying bytes as one binary frame', () => {
  it('lays out a 4-byte header length, the JSON without the bytes, then the bytes, and decodes back to the same call', () => {
    expect(bytesOf(call)).toBe(PNG);
    expect(bytesOf({ t: 'call', id: 1, method: 'app.health', params: {} })).toBeNull();
    const message = encodeBinaryCall(call, PNG);
    const header = JSON.stringify({ t: 'call', id: 41, method: 'chart.paneImage', params: { requestId: 'r1', pane: 1, symbol: 'SPY', interval: '5m', last: true } });
    expect(message.byteLength).toBe(4 + header.length + PNG.byteLength);
    expect(new DataView(message.buffer).getUint32(0)).toBe(header.length);
    expect(Buffer.from(message.subarray(4, 4 + header.length)).toString('utf8')).toBe(header);
    expect([...message.subarray(4 + header.length)]).toEqual([...PNG]);
    const decoded = decodeBinaryCall(message);
    expect(decoded.ok).toBe(true);
    const frame = (decoded as { ok: true; frame: typeof call }).frame;
    expect({ ...frame, params: { ...frame.params, bytes: [...frame.params.bytes] } }).toEqual({ ...call, params: { ...call.params, bytes: [...PNG] } });
  });

  it('parses into a frame the paneImage schema accepts, with the bytes as they came', () => {
    const parsed = parseClientBinary(Buffer.from(encodeBinaryCall(call, PNG)));
    expect(parsed.ok).toBe(true);
    const frame = (parsed as { ok: true; frame: { t: 'call'; params: unknown } }).frame;
    const image = paneImageSchema.parse(frame.params);
    expect([...(image.bytes ?? [])]).toEqual([...PNG]);
  });

  it('refuses a short, oversized or non-JSON header, and names the request when it can', () => {
    expect(parseClientBinary(new Uint8Array([0, 0]))).toEqual({ ok: false, id: null, error: { code: 'BAD_REQUEST', message: 'binary frame shorter than its header length', path: '' } });
    const long = new Uint8Array(8);
    new DataView(long.buffer).setUint32(0, MAX_BINARY_HEADER_BYTES + 1);
    expect(parseClientBinary(long)).toMatchObject({ ok: false, error: { message: `binary frame header of ${String(MAX_BINARY_HEADER_BYTES + 1)} bytes is over ${String(MAX_BINARY_HEADER_BYTES)}` } });
    const cut = new Uint8Array(8);
    new DataView(cut.buffer).setUint32(0, 100);
    expect(parseClientBinary(cut)).toMatchObject({ ok: false, error: { message: 'binary frame shorter than its header' } });
    const notJson = new Uint8Array([0, 0, 0, 3, 0x7b, 0x7b, 0x7b]);
    expect(parseClientBinary(notJson)).toMatchObject({ ok: false, error: { message: 'binary frame header is not UTF-8 JSON' } });
    const noParams = new TextEncoder().encode(JSON.stringify({ t: 'call', id: 9, method: 'chart.paneImage' }));
    const message = new Uint8Array(4 + noParams.byteLength);
    new DataView(message.buffer).setUint32(0, noParams.byteLength);
    message.set(noParams, 4);
    expect(parseClientBinary(message)).toEqual({ ok: false, id: 9, error: { code: 'BAD_REQUEST', message: 'binary frame header is not a call with params', path: '' } });
    expect(binaryRequestIdOf(encodeBinaryCall(call, PNG))).toBe(41);
  });

  it('refuses a binary frame over the frame limit against its request id', () => {
    const huge = new Uint8Array(1_048_577);
    huge.set(PNG);
    expect(parseClientBinary(encodeBinaryCall(call, huge))).toEqual({ ok: false, id: 41, error: { code: 'TOO_LARGE', message: 'frame larger than 1048576 bytes', path: '' } });
  });
});

describe('chart.paneImage', () => {
  const base = { requestId: 'r1', pane: 0, symbol: 'SPY', interval: '5m', last: true };
  it('takes the image once: bytes or base64, not both, not neither, and bytes must be a PNG', () => {
    expect(paneImageSchema.safeParse({ ...base, bytes: PNG }).success).toBe(true);
    expect(paneImageSchema.safeParse({ ...base, png: 'iVBORw0KGgoAAAA' }).success).toBe(true);
    const both = paneImageSchema.safeParse({ ...base, bytes: PNG, png: 'iVBORw0KGgoAAAA' });
    expect(both.error?.issues[0]).toMatchObject({ path: ['png'], message: 'give the image once: png (base64) or bytes' });
    expect(paneImageSchema.safeParse(base).error?.issues[0]?.message).toBe('give the image once: png (base64) or bytes');
    expect(paneImageSchema.safeParse({ ...base, bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }).error?.issues[0]).toMatchObject({ path: ['bytes'], message: 'bytes must be a PNG' });
    expect(paneImageSchema.safeParse({ ...base, bytes: [1, 2] }).error?.issues[0]).toMatchObject({ path: ['bytes'], message: 'bytes must be binary' });
  });
});
