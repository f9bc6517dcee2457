import { barsFromColumns } from '../../../shared/domain/bar-columns';
import type { EpochMs } from '../../../shared/domain/epoch';
import type { MarketData } from '../../market-data/market-data';
import type { EventSources, MethodHandlers } from '../rpc';

type MarketMethods = Pick<
  MethodHandlers,
  | 'bars.get'
  | 'feeds.list'
  | 'feeds.health'
  | 'replay.start'
  | 'replay.pause'
  | 'replay.resume'
  | 'replay.step'
  | 'replay.seek'
  | 'replay.setSpeed'
  | 'replay.stop'
  | 'replay.state'
>;
type MarketEvents = Pick<EventSources, 'bars.updates' | 'bars.progress' | 'replay.changed'>;

/** The bars, feeds and replay parts of the contract. */
export function createMarketHandlers(md: MarketData): { handlers: MarketMethods; sources: MarketEvents } {
  return {
    handlers: {
      'bars.get': async (q, ctx) => {
        const r = await md.service.get(q, ctx.signal);
        return {
          source: q.source,
          symbol: q.symbol,
          interval: q.interval,
          market: r.market,
          bars: barsFromColumns(r.bars),
          truncated: r.truncated,
          older: r.older as EpochMs | null,
          coverage: r.coverage,
        };
      },
      'feeds.list': () => md.feeds.list(),
      'feeds.health': () => md.health(),
      'replay.start': async (p) => {
        // A replay plays stored (or generated) 1m bars: complete the range first, as any read would
        // (a series nothing knows is left to the replay to refuse, naming the range).
        if (md.feeds.get(p.source) !== undefined) await md.service.prepare(p.source, p.symbol, p.from, p.to);
        return md.replay.start(p);
      },
      'replay.pause': () => md.replay.pause(),
      'replay.resume': () => md.replay.resume(),
      'replay.step': () => md.replay.step(),
      'replay.seek': (p) => md.replay.seek(p.time),
      'replay.setSpeed': (p) => md.replay.setSpeed(p.speed),
      'replay.stop': () => md.replay.stop(),
      'replay.state': () => md.replay.state(),
    },
    sources: {
      'bars.updates': (params, emit, subscriber) => md.streams.open(params, emit, subscriber),
      'bars.progress': (_params, emit) => md.filler.onProgress(emit),
      'replay.changed': (_params, emit) => {
        emit(md.replay.state());
        return md.replay.onState(emit);
      },
    },
  };
}
