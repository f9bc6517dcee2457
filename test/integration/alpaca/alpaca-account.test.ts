import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { SymbolId } from '../../../shared/domain/symbol';
import { createCore, type Core } from '../../../src-main/platform/app/core';
import { ALPACA_DEFAULTS } from '../../../src-main/market-data/feeds/alpaca/config';
import { noCredentials, staticCredentials } from '../../../src-main/market-data/feeds/alpaca/credentials';
import { SafeStorageAlpacaKeys, storedOrEnv, type AsyncCipher } from '../../../src-main/platform/electron/alpaca-key-store';
import { ScriptedFeed } from '../../helpers/scripted-feed';
import { tempDir } from '../../helpers/temp-dir';
import { eventually } from './broker-fixture';
import { startFakeAlpacaTrading, type FakeAlpacaTrading } from './fake/fake-trading';

let dir: ReturnType<typeof tempDir>;
let fake: FakeAlpacaTrading;
let core: Core;
let feed: ScriptedFeed;

const quiet = { error: () => undefined, warn: () => undefined };

/** safeStorage's stand-in: reversible, no plain text in its output. */
const cipher: AsyncCipher = {
  encryptStringAsync: (t) => Promise.resolve(Buffer.from(Buffer.from(t, 'utf8').map((x) => x ^ 0x5a))),
  decryptStringAsync: (b) => Promise.resolve({ result: Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'), shouldReEncrypt: false }),
};

/** The desktop app's wiring: keys from the safeStorage file (none at first), the store behind alpaca.setKeys. */
function openDesktop(): Core {
  feed = new ScriptedFeed('alpaca', [], { now: () => Date.now() });
  const store = new SafeStorageAlpacaKeys(dir.path, cipher);
  return createCore({
    dataDir: dir.path,
    mode: 'electron',
    log: quiet,
    feeds: () => [feed],
    alpaca: { config: ALPACA_DEFAULTS, credentials: storedOrEnv(store, noCredentials()), trading: { tradingUrl: fake.tradingUrl, streamUrl: fake.streamUrl }, paperAccount: store.stored },
    alpacaKeys: store,
  });
}

function open(paperAccount: boolean): Core {
  feed = new ScriptedFeed('alpaca', [{ source: 'alpaca', symbol: 'AAPL' as SymbolId, market: 'us-equity', description: 'Apple (scripted)', tickSize: 0.01, lotSize: 1, baseInterval: '1m' }], { now: () => Date.now() });
  return createCore({
    dataDir: dir.path,
    mode: 'cli',
    log: quiet,
    feeds: () => [feed],
    alpaca: { config: ALPACA_DEFAULTS, credentials: staticCredentials(fake.keys.keyId, fake.keys.secret), trading: { tradingUrl: fake.tradingUrl, streamUrl: fake.streamUrl }, paperAccount },
  });
}

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await core.dispatcher.call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  return r.result as T;
}

beforeEach(async () => {
  dir = tempDir();
  fake = await startFakeAlpacaTrading({ symbols: ['AAPL'], cash: 50_000 });
  fake.book.setPrice('AAPL', 190.02);
});

afterEach(async () => {
  core.close();
  await fake.close();
  dir.remove();
});

describe('the "Alpaca paper" account in the core', () => {
  it('exists once keys are given (once, across restarts), shows Alpaca’s cash and connection, trades through the risk gate to Alpaca, and cannot be reset here', async () => {
    core = open(true);
    const accounts = await call<Result<'accounts.list'>>('accounts.list', {});
    expect(accounts.map((a) => [a.name, a.broker])).toEqual([
      ['Paper', 'paper'],
      ['Alpaca paper', 'alpaca'],
    ]);
    const id = accounts[1]?.id ?? '';
    await eventually(() => core.trading.desk.list().find((a) => a.id === id)?.connection?.state === 'LIVE', 'the account LIVE');
    await eventually(() => core.trading.desk.list().find((a) => a.id === id)?.cash === 50_000, 'Alpaca’s cash');
    expect(core.trading.desk.list().find((a) => a.broker === 'paper')?.connection).toBeUndefined();

    await call('risk.set', { accountId: id, patch: { usEquityHoursOnly: false } });
    core.dispatcher.subscribe('quotes.updates', { source: 'alpaca', symbol: 'AAPL' }, () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    feed.quote('AAPL', 190, 190.02);
    feed.trade('AAPL', 190.01, 10);
    const pushed: Result<'positions.list'>[] = [];
    core.dispatcher.subscribe('positions.updates', {}, (e) => {
      const p = e as { accountId: string; positions: Result<'positions.list'> };
      if (p.accountId === id) pushed.push(p.positions);
    });
    const placed = await call<Result<'orders.place'>>('orders.place', { accountId: id, source: 'alpaca', symbol: 'AAPL', side: 'buy', qty: 5, type: 'market', tif: 'day' });
    expect(placed.broker).toBe('alpaca');
    await eventually(() => core.trading.desk.broker(id).positions().find((p) => p.symbol === 'AAPL')?.qty === 5, 'long 5 at Alpaca');
    // The UI hears of it: positions.updates carries the position.
    await eventually(() => pushed.at(-1)?.find((p) => p.symbol === 'AAPL')?.qty === 5, `positions.updates with the position: ${JSON.stringify(pushed)}`);
    expect([...fake.book.orders.values()].map((o) => [o.clientOrderId, o.qty, o.status])).toEqual([[placed.clientOrderId, 5, 'filled']]);
    const audit = await call<Result<'audit.list'>>('audit.list', { accountId: id, limit: 100 });
    expect(audit.map((e) => e.message).join('\n')).toMatch(/bought 5 AAPL at 190.02/);

    const reset = await core.dispatcher.call('accounts.reset', { id });
    expect(reset.ok ? 'reset' : [reset.error.code, reset.error.message]).toEqual(['REJECTED', "an Alpaca account is reset on Alpaca's dashboard, not in Tapedeck"]);

    core.close();
    core = open(true);
    expect((await call<Result<'accounts.list'>>('accounts.list', {})).map((a) => a.name)).toEqual(['Paper', 'Alpaca paper']);
    await eventually(() => core.trading.desk.broker(id).positions().find((p) => p.symbol === 'AAPL')?.qty === 5, 'the position after a restart');
  });

  it('no keys given: no Alpaca account', async () => {
    core = open(false);
    expect((await call<Result<'accounts.list'>>('accounts.list', {})).map((a) => a.broker)).toEqual(['paper']);
  });

  it('keys entered in Settings (desktop): stored encrypted, the "Alpaca paper" account made and connected, the keys in no answer or audit line; deleted: OFFLINE; serve refuses them', async () => {
    core = openDesktop();
    expect((await call<Result<'accounts.list'>>('accounts.list', {})).map((a) => a.broker)).toEqual(['paper']);
    const answer = await call<Result<'alpaca.setKeys'>>('alpaca.setKeys', { keyId: fake.keys.keyId, secret: fake.keys.secret });
    expect(answer).toEqual({ stored: true });
    const alpaca = core.trading.desk.list().find((a) => a.broker === 'alpaca');
    expect(alpaca?.name).toBe('Alpaca paper');
    await eventually(() => core.trading.desk.list().find((a) => a.broker === 'alpaca')?.connection?.state === 'LIVE', 'the account LIVE with the stored keys');
    const audit = JSON.stringify(await call<Result<'audit.list'>>('audit.list', { limit: 500 }));
    expect(audit).toContain('Alpaca keys changed (stored encrypted)');
    expect(audit).not.toContain(fake.keys.secret);
    expect(audit).not.toContain(fake.keys.keyId);

    // A restart reads the stored pair: the account connects again without anything entered.
    core.close();
    core = openDesktop();
    await eventually(() => core.trading.desk.list().find((a) => a.broker === 'alpaca')?.connection?.state === 'LIVE', 'LIVE after a restart');

    expect(await call<Result<'alpaca.clearKeys'>>('alpaca.clearKeys', {})).toEqual({ cleared: true });
    await eventually(() => core.trading.desk.list().find((a) => a.broker === 'alpaca')?.connection?.state === 'OFFLINE', 'OFFLINE without keys');
    expect(core.trading.desk.list().find((a) => a.broker === 'alpaca')?.connection?.reason).toMatch(/enter them in Settings/);

    core.close();
    core = open(false);
    const refused = await core.dispatcher.call('alpaca.setKeys', { keyId: 'PK1', secret: 's' });
    expect(refused.ok ? 'stored' : [refused.error.code, refused.error.message]).toEqual(['REJECTED', 'tapedeck serve reads the Alpaca keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY: set them and start it again']);
  });
});
