import type { Logger } from '../../../../src-main/platform/rpc';
import type { ParsedWsMessage } from '../../../../src-main/market-data/feeds/binance/parse-ws';
import { BinanceStreamClient } from '../../../../src-main/market-data/feeds/binance/stream-client';
import type { BinanceStreamClientOptions, StreamGap, StreamStatus } from '../../../../src-main/market-data/feeds/binance/stream-options';
import type { FakeBinanceWs } from './fake-ws';
import type { ControlRecord, FakeWsSession } from './ws-fake-session';
import { Collector } from './ws-wait';

export interface ClientHarness {
  readonly client: BinanceStreamClient;
  readonly warnings: Collector<string>;
  readonly errors: Collector<string>;
  readonly statuses: Collector<StreamStatus>;
  readonly gaps: Collector<StreamGap>;
  /** Subscribes a collector to `stream`; returns it and the unsubscribe function. */
  readonly collect: (stream: string) => { readonly got: Collector<ParsedWsMessage>; readonly stop: () => void };
}

/** A client against `fake` with a recording logger, deterministic jitter (0: reconnect at once) and real timers. */
export function clientHarness(fake: FakeBinanceWs, options: Partial<BinanceStreamClientOptions> = {}): ClientHarness {
  const warnings = new Collector<string>();
  const errors = new Collector<string>();
  const log: Logger = { warn: warnings.push, error: (m) => errors.push(m) };
  const client = new BinanceStreamClient({ baseUrl: fake.url, now: () => Date.now(), log, random: () => 0, ...options });
  const statuses = new Collector<StreamStatus>();
  const gaps = new Collector<StreamGap>();
  client.onStatus(statuses.push);
  client.onResumed(gaps.push);
  return {
    client,
    warnings,
    errors,
    statuses,
    gaps,
    collect: (stream) => {
      const got = new Collector<ParsedWsMessage>();
      return { got, stop: client.subscribe(stream, got.push) };
    },
  };
}

/** Every control message the fake received, in order. */
export function controls(fake: FakeBinanceWs, method?: string): ControlRecord[] {
  return fake.events.items.flatMap((e) => (e.type === 'control' && (method === undefined || e.control.method === method) ? [e.control] : []));
}

/** Waits until the fake's session `id` exists and is subscribed to exactly `streams`. */
export async function subscribed(fake: FakeBinanceWs, id: number, streams: readonly string[]): Promise<FakeWsSession> {
  const want = [...streams].sort().join(',');
  const has = (): FakeWsSession | undefined => {
    const s = fake.history()[id - 1];
    return s?.open === true && [...s.subscriptions].sort().join(',') === want ? s : undefined;
  };
  await fake.events.until(`session ${String(id)} subscribed to ${want}`, () => has() !== undefined);
  return has()!;
}

/** Trade ids a collector received. */
export function tradeIds(got: Collector<ParsedWsMessage>): number[] {
  return got.items.flatMap((m) => (m.kind === 'trade' ? [m.trade.id] : []));
}
