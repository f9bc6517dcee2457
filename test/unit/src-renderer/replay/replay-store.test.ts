import { describe, expect, it } from 'vitest';
import type { ReplayState } from '../../../../shared/contract';
import { CallError } from '../../../../src-renderer/api/tapedeck-client';
import { createReplayStore } from '../../../../src-renderer/replay/replay-store';
import { fakeClient } from '../fakes';

const idle = { status: 'idle', source: null, symbol: null, from: null, to: null, cursor: null, speed: 1 } as ReplayState;
const playing = { status: 'playing', source: 'sim', symbol: 'BTCUSDT', from: 0, to: 3_600_000, cursor: 60_000, speed: 60 } as ReplayState;
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createReplayStore', () => {
  it('reads the state, then follows replay.changed', async () => {
    const client = fakeClient();
    client.answer(() => idle);
    const store = createReplayStore(client);
    const stop = store.getState().start();
    await settle();
    expect(store.getState().replay).toEqual(idle);
    client.active()[0]?.deliver(playing);
    expect(store.getState().replay).toEqual(playing);
    stop();
    expect(client.active()).toEqual([]);
  });

  it('sends each action as its method and keeps the answered state', async () => {
    const client = fakeClient();
    client.answer(() => playing);
    const store = createReplayStore(client);
    const params = { source: 'sim', symbol: 'BTCUSDT', from: 0, to: 3_600_000, speed: 60 };
    await store.getState().run({ kind: 'start', params });
    await store.getState().run({ kind: 'pause' });
    await store.getState().run({ kind: 'resume' });
    await store.getState().run({ kind: 'step' });
    await store.getState().run({ kind: 'seek', time: 120_000 });
    await store.getState().run({ kind: 'setSpeed', speed: 1000 });
    await store.getState().run({ kind: 'stop' });
    expect(client.calls).toEqual([
      { method: 'replay.start', params },
      { method: 'replay.pause', params: {} },
      { method: 'replay.resume', params: {} },
      { method: 'replay.step', params: {} },
      { method: 'replay.seek', params: { time: 120_000 } },
      { method: 'replay.setSpeed', params: { speed: 1000 } },
      { method: 'replay.stop', params: {} },
    ]);
    expect(store.getState()).toMatchObject({ replay: playing, busy: false, error: null });
  });

  it('keeps a refusal as an inline error, cleared by the next action', async () => {
    const client = fakeClient();
    client.answer(() => {
      throw new CallError({ code: 'BAD_REQUEST', message: 'params.from: from must be before to', path: 'params.from' });
    });
    const store = createReplayStore(client);
    await store.getState().run({ kind: 'start', params: { source: 'sim', symbol: 'BTCUSDT', from: 5, to: 1 } });
    expect(store.getState()).toMatchObject({
      busy: false,
      error: { code: 'BAD_REQUEST', message: 'params.from: from must be before to', path: 'params.from' },
    });
    client.answer(() => idle);
    await store.getState().run({ kind: 'stop' });
    expect(store.getState()).toMatchObject({ error: null, replay: idle });
  });
});
