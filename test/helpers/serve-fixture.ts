import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/contract';
import { startServeServer, type RunningServer } from '../../src-main/platform/serve/serve-server';
import type { CoreOptions } from '../../src-main/platform/app/core';
import { coreFixture, type CoreFixture } from './core-fixture';
import { tempDir } from './temp-dir';

/** A stand-in for the built renderer: the transport tests need a page, not the React app. */
export const INDEX_HTML = '<!doctype html><title>Tapedeck test page</title>';

export interface ServeFixture extends CoreFixture {
  readonly server: RunningServer;
  readonly base: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

/** A real core behind a real `tapedeck serve` HTTP/WebSocket server on a free loopback port. */
export async function serveFixture(options: Partial<CoreOptions> = {}): Promise<ServeFixture> {
  const fx = coreFixture(options);
  const renderer = tempDir('tapedeck-renderer-');
  writeFileSync(join(renderer.path, 'index.html'), INDEX_HTML);
  const server = await startServeServer({ core: fx.core, host: '127.0.0.1', port: 0, rendererDir: renderer.path });
  const base = `http://127.0.0.1:${String(server.port)}`;
  return {
    ...fx,
    server,
    base,
    wsUrl: `ws://127.0.0.1:${String(server.port)}/api/ws?token=${server.token}`,
    async close() {
      await server.close();
      fx.dispose();
      renderer.remove();
    },
  };
}

/** A raw protocol client: every server frame it receives lands in `frames`. */
export class RawClient {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString('utf8')) as ServerFrame);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<RawClient> {
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${String(res.statusCode)}`)));
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits until `count` frames have arrived (no sleeps: resolves on the message event). */
  async until(count: number): Promise<ServerFrame[]> {
    while (this.frames.length < count) await new Promise<void>((r) => this.waiters.push(r));
    return this.frames;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve();
      else this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
