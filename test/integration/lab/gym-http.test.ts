import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gymActResultSchema, gymStateSchema } from '../../../shared/contract';
import { serveFixture, type ServeFixture } from '../../helpers/serve-fixture';

const FROM = Date.UTC(2023, 9, 2);
const TO = Date.UTC(2023, 9, 3);

describe('the gym as JSON over HTTP (tapedeck serve)', () => {
  let fx: ServeFixture;
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${fx.server.token}`, 'Content-Type': 'application/json' });
  beforeAll(async () => {
    fx = await serveFixture();
  });
  afterAll(async () => {
    await fx.close();
  });

  it('creates a session, steps through it and agrees with the contract', async () => {
    const created = await fetch(`${fx.base}/api/gym/sessions`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ source: 'sim', symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO, cash: 10_000, fees: 0.001, fractional: true, indicators: ['sma:3', 'rsi:14'] }),
    });
    expect(created.status).toBe(201);
    const { id, steps } = (await created.json()) as { id: string; steps: number };
    expect(steps).toBe(24);

    const s0 = gymStateSchema.parse(await (await fetch(`${fx.base}/api/gym/sessions/${id}/state`, { headers: auth() })).json());
    expect(s0).toMatchObject({ id, step: 0, steps: 24, done: false, indicators: { 'sma:3': null, 'rsi:14': null } });
    expect(s0.bar.time).toBe(FROM);
    // The same observation twice: state does not advance.
    const again = gymStateSchema.parse(await (await fetch(`${fx.base}/api/gym/sessions/${id}/state`, { headers: auth() })).json());
    expect(again).toEqual(s0);

    const act = await fetch(`${fx.base}/api/gym/sessions/${id}/action`, { method: 'POST', headers: auth(), body: JSON.stringify({ action: 'BUY', sizePct: 50 }) });
    expect(act.status).toBe(200);
    const result = gymActResultSchema.parse(await act.json());
    const s1 = gymStateSchema.parse(await (await fetch(`${fx.base}/api/gym/sessions/${id}/state`, { headers: auth() })).json());
    // Filled at bar 1's open, half the equity less the fee; bar 1 is now revealed.
    expect(result.fill?.time).toBe(FROM + 3_600_000);
    expect(result.fill?.price).toBe(s1.bar.open);
    expect((result.fill?.units ?? 0) * (result.fill?.price ?? 0)).toBeLessThanOrEqual(5000 / 1.001 + 1e-6);
    expect(s1.step).toBe(1);
    expect(s1.wallet.cash).toBeCloseTo(10_000 - (result.fill?.units ?? 0) * (result.fill?.price ?? 0) - (result.fill?.fee ?? 0), 8);
    expect(s1.indicators['sma:3']).toBeNull();

    // Through the WebSocket contract, the same session answers the same state.
    const viaContract = await fx.core.dispatcher.call('gym.state', { id });
    expect(viaContract).toEqual({ ok: true, result: s1 });

    const closed = await fetch(`${fx.base}/api/gym/sessions/${id}`, { method: 'DELETE', headers: auth() });
    expect(await closed.json()).toEqual({ closed: true });
    const missing = await fetch(`${fx.base}/api/gym/sessions/${id}/state`, { headers: auth() });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string; path: string } }).error).toMatchObject({ code: 'NOT_FOUND', path: 'params.id' });
  });

  it('is token-protected and refuses bad bodies naming the field', async () => {
    const url = `${fx.base}/api/gym/sessions`;
    const body = JSON.stringify({ symbol: 'BTCUSDT', interval: '1h', from: FROM, to: TO });
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer nope', 'Content-Type': 'application/json' }, body })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${fx.server.token}`, 'Content-Type': 'text/plain' }, body })).status).toBe(400);

    const bad = await fetch(url, { method: 'POST', headers: auth(), body: JSON.stringify({ symbol: 'BTCUSDT', interval: '2h', from: FROM, to: TO }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('params.interval');
    const notJson = await fetch(url, { method: 'POST', headers: auth(), body: '{' });
    expect(notJson.status).toBe(400);
    const wrongVerb = await fetch(url, { headers: auth() });
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get('allow')).toBe('POST');
  });
});
