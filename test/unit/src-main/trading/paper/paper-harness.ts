import type { EpochMs } from '../../../../../shared/domain/epoch';
import { feeScheduleSchema } from '../../../../../shared/trading/account';
import type { OrderRequestInput } from '../../../../../shared/trading/order';
import type { TradedInstrument } from '../../../../../shared/trading/traded-instrument';
import type { FillModelConfig } from '../../../../../src-main/trading/paper/fill-config';
import type { BarEvent, MarketEvent, QuoteEvent } from '../../../../../src-main/trading/paper/market-event';
import type { PaperEffect } from '../../../../../src-main/trading/paper/paper-effect';
import { stepPaper, type PaperInput } from '../../../../../src-main/trading/paper/paper-engine';
import { createPaperState, type PaperState } from '../../../../../src-main/trading/paper/paper-state';
import { request, T0 } from '../trading-fixtures';

export const t = (ms: number): EpochMs => (T0 + ms) as EpochMs;

export function paper(config: Partial<FillModelConfig> = {}): PaperState {
  return createPaperState({ account: { id: 'acc1', currency: 'USD', startingCash: 10_000, fees: feeScheduleSchema.parse({}) }, idPrefix: 'p', clock: T0, config });
}

export const quote = (i: TradedInstrument, ms: number, bid: number, ask: number, more: Partial<QuoteEvent> = {}): MarketEvent => ({ kind: 'quote', source: i.source, symbol: i.symbol, time: t(ms), bid, ask, ...more });
export const trade = (i: TradedInstrument, ms: number, price: number, size: number): MarketEvent => ({ kind: 'trade', source: i.source, symbol: i.symbol, time: t(ms), price, size });
export const bar = (i: TradedInstrument, ms: number, ohlc: [number, number, number, number], volume = 0): BarEvent => ({
  kind: 'bar',
  source: i.source,
  symbol: i.symbol,
  time: t(ms),
  endTime: t(ms + 60_000),
  open: ohlc[0],
  high: ohlc[1],
  low: ohlc[2],
  close: ohlc[3],
  volume,
});

export const place = (i: TradedInstrument, ms: number, fields: Partial<OrderRequestInput>): PaperInput => ({ kind: 'place', cmd: { request: request(i, fields), instrument: i, now: t(ms) } });
export const market = (event: MarketEvent): PaperInput => ({ kind: 'market', event });

/** Runs inputs in turn (a refusal fails the test); the state at the end and every effect, in order. */
export function drive(state: PaperState, inputs: readonly PaperInput[]): { state: PaperState; effects: PaperEffect[] } {
  let s = state;
  const effects: PaperEffect[] = [];
  for (const input of inputs) {
    const r = stepPaper(s, input);
    if (!r.ok) throw new Error(`${input.kind}: ${r.message}`);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}

const rel = (time: number): string => `t+${String(time - T0)}`;

/** One line per effect, to compare whole stories exactly. */
export function story(effects: readonly PaperEffect[]): string[] {
  return effects.map((e) => {
    switch (e.kind) {
      case 'order': {
        const o = e.order;
        const px = o.limitPrice !== null ? ` lmt ${String(o.limitPrice)}` : o.stopPrice !== null ? ` stp ${String(o.stopPrice)}` : '';
        return `order ${o.id} ${o.status} ${String(o.filledQty)}/${String(o.qty)}${px}`;
      }
      case 'execution': {
        const x = e.execution;
        return `fill ${String(x.orderId)} ${x.side} ${String(x.qty)} @ ${String(x.price)} fee ${String(x.fee)} ${rel(x.time)}`;
      }
      case 'position': {
        const p = e.position;
        return `position ${p.symbol} ${String(p.qty)} @ ${String(p.avgPrice)} pnl ${String(p.realizedPnl)} fees ${String(p.fees)}`;
      }
      case 'note':
        return `note ${e.orderId}: ${e.message}`;
    }
  });
}

/** Only the fills and positions. */
export function fills(effects: readonly PaperEffect[]): string[] {
  return story(effects).filter((l) => l.startsWith('fill') || l.startsWith('position'));
}
