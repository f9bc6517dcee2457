import { describe, expect, it } from 'vitest';
import type { BacktestProgress, MethodName } from '../../../../shared/contract';
import { CallError } from '../../../../src-renderer/api/tapedeck-client';
import { createBacktestStore } from '../../../../src-renderer/backtest/backtest-store';
import { fakeClient, type FakeClient } from '../fakes';
import { fullRun, REQUEST, STRATEGIES, summary } from './backtest-fixtures';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const progress = (id: string, status: BacktestProgress['status'], fraction: number, error: BacktestProgress['error'] = null): BacktestProgress => ({
  id,
  status,
  fraction,
  error,
});

/** A core that knows runs r1..r3 and starts run `next` on backtest.run. */
function core(client: FakeClient, next = 'r1', onRun: () => void = () => undefined): void {
  const answers: Partial<Record<MethodName, (params: unknown) => unknown>> = {
    'strategies.list': () => STRATEGIES,
    'backtest.list': () => [summary('r3'), summary('r2'), summary('r1')],
    'backtest.run': () => {
      onRun();
      return { id: next };
    },
    'backtest.get': (params) => fullRun((params as { id: string }).id),
    'backtest.delete': () => ({ deleted: true }),
  };
  client.answer((method, params) => {
    const answer = answers[method];
    if (answer === undefined) throw new Error(`unexpected ${method}`);
    return answer(params);
  });
}

const methods = (client: FakeClient): string[] => client.calls.map((c) => c.method);

describe('createBacktestStore', () => {
  it('loads the strategies once and the saved runs each time', async () => {
    const client = fakeClient();
    core(client);
    const store = createBacktestStore(client);
    await store.getState().load();
    expect(store.getState().strategies).toEqual(STRATEGIES);
    expect(store.getState().runs?.map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    await store.getState().load();
    expect(methods(client)).toEqual(['strategies.list', 'backtest.list', 'backtest.list']);
  });

  it('follows a run from its progress to its result', async () => {
    const client = fakeClient();
    core(client);
    const store = createBacktestStore(client);
    const started = store.getState().run(REQUEST);
    // Subscribed before the run is asked for, so no progress can be missed.
    expect(client.active().map((s) => s.event)).toEqual(['backtest.progress']);
    expect(store.getState().progress).toEqual({ id: null, status: 'starting', fraction: 0 });
    await started;
    expect(client.calls[0]).toEqual({ method: 'backtest.run', params: REQUEST });
    expect(store.getState().progress).toEqual({ id: 'r1', status: 'running', fraction: 0 });

    const sub = client.active()[0]!;
    sub.deliver(progress('r1', 'running', 0.5));
    sub.deliver(progress('someone-else', 'running', 0.9));
    expect(store.getState().progress).toEqual({ id: 'r1', status: 'running', fraction: 0.5 });

    sub.deliver(progress('r1', 'done', 1));
    expect(client.active()).toEqual([]);
    await settle();
    expect(store.getState()).toMatchObject({ progress: { id: 'r1', status: 'done', fraction: 1 }, pane: 'result', runError: null });
    expect(store.getState().current?.id).toBe('r1');
    expect(methods(client)).toEqual(['backtest.run', 'backtest.get', 'backtest.list']);
  });

  it('catches a run that finishes before its id comes back', async () => {
    const client = fakeClient();
    core(client, 'quick', () => {
      client.active()[0]?.deliver(progress('quick', 'done', 1));
    });
    const store = createBacktestStore(client);
    await store.getState().run(REQUEST);
    await settle();
    expect(store.getState().current?.id).toBe('quick');
    expect(client.active()).toEqual([]);
  });

  it('keeps a failed run\u2019s reason with the field it names', async () => {
    const client = fakeClient();
    core(client);
    const store = createBacktestStore(client);
    await store.getState().run(REQUEST);
    client.active()[0]?.deliver(progress('r1', 'failed', 0.25, { field: 'slow', message: 'slow (5) must be greater than fast (10)' }));
    expect(store.getState()).toMatchObject({
      progress: { id: 'r1', status: 'failed', fraction: 0.25 },
      runError: { code: 'BAD_REQUEST', message: 'slow (5) must be greater than fast (10)', path: 'slow' },
      current: null,
    });
    expect(client.active()).toEqual([]);
  });

  it('keeps a refusal of backtest.run as the run error and stops listening', async () => {
    const client = fakeClient();
    const refusal = { code: 'BAD_REQUEST', message: 'params.costs.cash: Too small', path: 'params.costs.cash' } as const;
    client.answer(() => {
      throw new CallError(refusal);
    });
    const store = createBacktestStore(client);
    await store.getState().run(REQUEST);
    expect(store.getState()).toMatchObject({ progress: null, runError: refusal });
    expect(client.active()).toEqual([]);
    store.getState().dismissRunError();
    expect(store.getState().runError).toBeNull();
  });

  it('opens, deletes and compares saved runs, fetching each run once', async () => {
    const client = fakeClient();
    core(client);
    const store = createBacktestStore(client);
    await store.getState().load();
    await store.getState().open('r2');
    expect(store.getState()).toMatchObject({ pane: 'result', loadingId: null });
    expect(store.getState().current?.id).toBe('r2');

    store.getState().toggleSelected('r1');
    store.getState().toggleSelected('r2');
    await store.getState().compare();
    expect(store.getState().pane).toBe('compare');
    expect(store.getState().compared?.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(client.calls.filter((c) => c.method === 'backtest.get').map((c) => c.params)).toEqual([{ id: 'r2' }, { id: 'r1' }]);

    await store.getState().remove('r2');
    expect(client.calls.at(-1)).toEqual({ method: 'backtest.delete', params: { id: 'r2' } });
    expect(store.getState()).toMatchObject({ current: null, compared: null, selected: ['r1'] });
    expect(store.getState().runs?.map((r) => r.id)).toEqual(['r3', 'r1']);
  });

  it('shows a failed open as an error and leaves the pane', async () => {
    const client = fakeClient();
    client.answer(() => {
      throw new CallError({ code: 'NOT_FOUND', message: 'no run "zz"', path: 'params.id' });
    });
    const store = createBacktestStore(client);
    await store.getState().open('zz');
    expect(store.getState()).toMatchObject({ pane: 'setup', loadingId: null, error: { code: 'NOT_FOUND', message: 'no run "zz"', path: 'params.id' } });
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });
});
