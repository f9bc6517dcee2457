import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, splitFrameText, type ServerFrame } from '../../../shared/contract';
import type { Core } from '../app/core';
import { binaryRequestIdOf, parseClientBinary, parseClientText, requestIdOf, type FrameParse } from '../rpc';
import { InboundQueue, MAX_QUEUED_FRAMES } from './inbound-queue';

/** A client whose unsent output passes this is too slow to keep; it is dropped and may reconnect for a fresh snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;
/** Past this much unsent output, live streams coalesce for this client instead of queueing. */
const BUSY_BYTES = 1024 * 1024;
/**
 * Client messages larger than this close the socket (ws's own limit, so a
 * hostile client cannot make us buffer without bound); between MAX_FRAME_BYTES
 * and this a frame is answered TOO_LARGE and the connection stays up.
 */
const HARD_MAX_PAYLOAD = 16 * MAX_FRAME_BYTES;

/**
 * The contract over a WebSocket: one JSON frame per text message (or, for a
 * call carrying bytes, one binary message: binary-call.ts), replies and
 * events in order down the same socket. Authentication happens before the
 * upgrade (see request-guard.ts); this only speaks the protocol.
 */
export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });
  /** Numbers the multi-part frames sent on every socket. */
  private nextStream = 1;
  /** Event payloads already encoded, by identity. */
  private readonly encoded = new WeakMap<object, string>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly core: Core) {
    this.wss.on('connection', (ws) => this.attach(ws));
    this.heartbeat = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get connectionCount(): number {
    return this.wss.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private attach(ws: WebSocket): void {
    this.alive.set(ws, true);
    const send = (frame: ServerFrame): void => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      // A frame over one message's size goes as ordered parts (a year of bars must reach the client).
      for (const text of splitFrameText(this.encode(frame), this.nextStream++, frame.t === 'reply' ? frame.id : null)) ws.send(text);
    };
    const connection = this.core.connect(send, () => ws.bufferedAmount > BUSY_BYTES, () => ws.bufferedAmount);
    ws.on('pong', () => this.alive.set(ws, true));
    const inbound = new InboundQueue<string | Buffer>(
      (frame) => {
        const parsed: FrameParse = typeof frame === 'string' ? parseClientText(frame) : parseClientBinary(frame);
        if (!parsed.ok) connection.session.reject(parsed.id, parsed.error);
        else void connection.session.handle(parsed.frame);
      },
      (frame) => {
        const id = typeof frame === 'string' ? requestIdOf(frame) : binaryRequestIdOf(frame);
        connection.session.reject(id, { code: 'LIMIT', message: `more than ${String(MAX_QUEUED_FRAMES)} frames wait to be handled: wait for replies before sending more`, path: 'limits.framesQueued' });
      },
    );
    // Text frames are JSON; a binary frame is a call carrying bytes (a pane's picture), parsed without touching them.
    ws.on('message', (data: RawData, isBinary: boolean) => inbound.push(isBinary ? rawBytes(data) : rawText(data)));
    ws.on('close', () => {
      inbound.close();
      connection.close();
    });
    ws.on('error', () => {
      inbound.close();
      connection.close();
      ws.terminate();
    });
  }

  /**
   * A frame as JSON. An event payload sent to many clients (a shared
   * snapshot, a live update) is encoded once and spliced into each frame.
   */
  private encode(frame: ServerFrame): string {
    if (frame.t !== 'event' || typeof frame.payload !== 'object' || frame.payload === null) return JSON.stringify(frame);
    let payload = this.encoded.get(frame.payload);
    if (payload === undefined) {
      payload = JSON.stringify(frame.payload);
      this.encoded.set(frame.payload, payload);
    }
    return `{"t":"event","subscription":${String(frame.subscription)},"event":${JSON.stringify(frame.event)},"seq":${String(frame.seq)},"payload":${payload}}`;
  }

  /** Drops sockets that did not answer the last ping (a peer that vanished without a close). */
  private sweep(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) !== true) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}

function rawBytes(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return data;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
