import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureRequest, ServerFrame } from '../../../shared/contract';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('chart.screenshot: the renderer answers for its panes, the core stores each image by its hash', () => {
  let fx: CoreFixture;
  afterEach(() => fx.dispose());

  it('asks the window, stores what it sends under media/, and answers with the files', async () => {
    fx = coreFixture();
    const requests: CaptureRequest[] = [];
    const window = fx.core.connect((f: ServerFrame) => {
      if (f.t === 'event') requests.push(f.payload as CaptureRequest);
    });
    await window.session.handle({ t: 'sub', id: 1, event: 'chart.captureRequests' });
    const asked = fx.core.dispatcher.call('chart.screenshot', { symbol: 'SPY', reason: 'entry' });
    for (let i = 0; i < 50 && requests.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(requests[0]).toMatchObject({ symbol: 'SPY', reason: 'entry' });
    const requestId = requests[0]?.requestId ?? '';
    await fx.core.dispatcher.call('chart.paneImage', { requestId, pane: 0, symbol: 'SPY', interval: '5m', png: PNG, last: false });
    await fx.core.dispatcher.call('chart.paneImage', { requestId, pane: 2, symbol: 'SPY', interval: '1d', png: PNG, last: true });
    const r = await asked;
    expect(r.ok).toBe(true);
    const { shots, note } = (r as { ok: true; result: { shots: { sha256: string; path: string; pane: number }[]; note: string | null } }).result;
    expect(note).toBeNull();
    expect(shots.map((s) => s.pane)).toEqual([0, 2]);
    const bytes = Buffer.from(PNG, 'base64');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(shots[0]?.sha256).toBe(sha);
    expect(shots[0]?.path).toBe(join('media', sha.slice(0, 2), `${sha}.png`));
    expect(readFileSync(join(fx.dataDir, shots[0]?.path ?? '')).equals(bytes)).toBe(true);
    // A late image for an answered request is refused.
    expect(await fx.core.dispatcher.call('chart.paneImage', { requestId, pane: 1, symbol: 'SPY', interval: '5m', png: PNG, last: true })).toEqual({ ok: true, result: { accepted: false } });
    window.close();
  });

  it('says so when no window is open, and stores nothing', async () => {
    fx = coreFixture();
    expect(await fx.core.dispatcher.call('chart.screenshot', {})).toEqual({ ok: true, result: { shots: [], note: 'no workstation window is open to take the picture' } });
    expect(existsSync(join(fx.dataDir, 'media'))).toBe(false);
  });
});
