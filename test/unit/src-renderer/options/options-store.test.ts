import { describe, expect, it } from 'vitest';
import type { SymbolId } from '../../../../shared/domain/symbol';
import type { ChainSnapshot, ExpirationInfo } from '../../../../shared/options/wire/chain-snapshot';
import type { ContractQuote } from '../../../../shared/options/wire/contract-quote';
import { createOptionsStore } from '../../../../src-renderer/options/options-store';
import { fakeClient, manualFrames } from '../fakes';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

const exp = (expiry: string, days: number, thirtyDay = false): ExpirationInfo => ({ expiry, kind: 'weekly', expiresAt: 0 as ExpirationInfo['expiresAt'], days, thirtyDay });
const EXPIRATIONS = [exp('2026-12-04', 0), exp('2026-12-11', 7), exp('2027-01-04', 31, true)];

const quote: ContractQuote = {
  symbol: 'SPY270104C00585000' as SymbolId,
  type: 'call',
  strike: 585,
  expiry: '2027-01-04',
  bid: 1.7,
  ask: 1.77,
  mark: 1.735,
  last: null,
  iv: 0.176,
  delta: 0.13,
  gamma: 0.007,
  thetaPerDay: -0.1,
  vegaPerPoint: 0.33,
  volume: 92,
  openInterest: 4000,
  breakEven: 586.77,
  inTheMoney: false,
  source: 'sim',
  underlying: 'SPY' as SymbolId,
  root: 'SPY',
  expiresAt: 0 as ContractQuote['expiresAt'],
  multiplier: 100,
  status: 'live',
  underlyingPrice: 549.12,
  time: 0 as ContractQuote['time'],
  rate: 0.05,
  dividendYield: 0.013,
  rhoPerPoint: 0.05,
  theo: 1.73,
};

function setup(): { client: ReturnType<typeof fakeClient>; frames: ReturnType<typeof manualFrames>; store: ReturnType<typeof createOptionsStore>; clock: { now: number } } {
  const client = fakeClient();
  client.answer((method) => {
    if (method === 'options.expirations') return { source: 'sim', underlying: 'SPY', time: 0, expirations: EXPIRATIONS };
    if (method === 'options.pick') return quote;
    throw new Error(`unexpected ${method}`);
  });
  const frames = manualFrames();
  const clock = { now: 1_000 };
  return { client, frames, store: createOptionsStore(client, frames, () => clock.now), clock };
}

describe('the options store', () => {
  it('opens an underlying on its nearest expiration, ±10 strikes live, a snapshot drawn once per frame with when it arrived', async () => {
    const { client, frames, store, clock } = setup();
    store.getState().open(' spy ');
    await settle();
    expect(store.getState()).toMatchObject({ underlying: 'SPY', expiry: '2026-12-04', snapshot: null, receivedAt: null });
    expect(client.active().map((s) => [s.event, s.params])).toEqual([['options.chainUpdates', { source: 'sim', underlying: 'SPY', expiry: '2026-12-04', strikesAround: 10 }]]);
    const snap = { underlying: 'SPY' } as unknown as ChainSnapshot;
    client.active()[0]?.deliver(snap);
    client.active()[0]?.deliver(snap);
    expect(frames.pending()).toBe(1);
    clock.now = 1_250;
    frames.run();
    expect(store.getState().snapshot).toBe(snap);
    expect(store.getState().receivedAt).toBe(1_250);
  });

  it('follows again with all strikes when the strike count changes, and not for a filter', async () => {
    const { client, store } = setup();
    store.getState().open('SPY');
    await settle();
    store.getState().setView({ deltaMin: 0.2 });
    expect(client.subscriptions.length).toBe(1);
    store.getState().setView({ strikes: null });
    expect(client.subscriptions.map((s) => s.active)).toEqual([false, true]);
    expect(client.active()[0]?.params).toEqual({ source: 'sim', underlying: 'SPY', expiry: '2026-12-04' });
    expect(store.getState().view).toMatchObject({ strikes: null, deltaMin: 0.2 });
  });

  it('"calls" by the saved rule shows the picked contract’s expiration and fills the ticket at the mid', async () => {
    const { client, store } = setup();
    store.getState().open('SPY');
    await settle();
    store.getState().setPickRule({ minDays: 21, delta: 0.15 });
    await store.getState().pick('calls');
    expect(client.calls.at(-1)).toEqual({ method: 'options.pick', params: { source: 'sim', underlying: 'SPY', side: 'calls', minDays: 21, strike: { kind: 'delta', target: 0.15 } } });
    expect(store.getState().expiry).toBe('2027-01-04');
    expect(client.active()[0]?.params).toMatchObject({ expiry: '2027-01-04' });
    const sel = store.getState().selection;
    expect([sel?.symbol, sel?.side, sel?.price]).toEqual(['SPY270104C00585000', 'buy', 1.74]);
    // The row only: the quote's own fields are not in it.
    expect(Object.keys(sel?.row ?? {})).not.toContain('theo');
  });

  it('asks the source it is given: Alpaca’s chain of the same underlying loads afresh, a second open of it does nothing', async () => {
    const { client, store } = setup();
    store.getState().open('SPY');
    await settle();
    store.getState().open('SPY', false, 'alpaca');
    await settle();
    expect(store.getState().source).toBe('alpaca');
    expect(client.calls.filter((c) => c.method === 'options.expirations').map((c) => c.params)).toEqual([
      { source: 'sim', underlying: 'SPY' },
      { source: 'alpaca', underlying: 'SPY' },
    ]);
    expect(client.active().map((s) => s.params)).toEqual([{ source: 'alpaca', underlying: 'SPY', expiry: '2026-12-04', strikesAround: 10 }]);
    store.getState().open('SPY', false, 'alpaca');
    store.getState().open('SPY');
    await settle();
    expect(client.calls.filter((c) => c.method === 'options.expirations').length).toBe(2);
    await store.getState().pick('puts');
    expect(client.calls.at(-1)?.params).toMatchObject({ source: 'alpaca', side: 'puts' });
  });
});
