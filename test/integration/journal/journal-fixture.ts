import type { CaptureRequest, MethodName, ServerFrame } from '../../../shared/contract';
import type { Core } from '../../../src-main/platform/app/core';

/** A 1×1 PNG; `png(n)` appends n bytes after its end, so each image has its own hash (decoders ignore trailing bytes). */
export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function png(n: number): string {
  return Buffer.concat([Buffer.from(PNG_1X1, 'base64'), Buffer.from(`#${String(n)}`)]).toString('base64');
}

/** Calls a contract method, failing the test with the core's reason. */
export async function call<T>(core: Core, method: MethodName, params: unknown): Promise<T> {
  const r = await core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

/** A refusal's code, path and message (the call must fail). */
export async function refused(core: Core, method: MethodName, params: unknown): Promise<{ code: string; path: string; message: string }> {
  const r = await core.dispatcher.call(method, params);
  if (r.ok) throw new Error(`${method} succeeded: ${JSON.stringify(r.result)}`);
  return r.error;
}

/**
 * A workstation window that answers every capture request with pane images
 * (one per pane in `panes`, each image new), as the renderer does; returns
 * the requests it saw and a close function.
 */
export async function fakeWindow(core: Core, panes: readonly { pane: number; interval: string }[] = [{ pane: 0, interval: '1m' }]): Promise<{ requests: CaptureRequest[]; close(): void }> {
  const requests: CaptureRequest[] = [];
  let n = 0;
  const connection = core.connect((frame: ServerFrame) => {
    if (frame.t !== 'event') return;
    const r = frame.payload as CaptureRequest;
    requests.push(r);
    panes.forEach((p, i) => {
      void core.dispatcher.call('chart.paneImage', { requestId: r.requestId, pane: p.pane, symbol: r.symbol ?? 'BTCUSD', interval: p.interval, png: png(++n), last: i === panes.length - 1 });
    });
  });
  await connection.session.handle({ t: 'sub', id: 1, event: 'chart.captureRequests' });
  return { requests, close: () => connection.close() };
}
