import type { ParamsIn, TradeDetail } from '../../shared/contract';
import { zoneClock } from '../../shared/journal/zone-clock';
import { realCivilDays } from '../../shared/market/civil-date';
import type { Side } from '../../shared/trading/order';

const DAY_MS = 86_400_000;

/** One fill as the trader types it: numbers and a wall-clock time as text. */
export interface FillDraft {
  readonly side: Side;
  readonly qty: string;
  readonly price: string;
  readonly fee: string;
  /** "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" on the wall clock of the draft's zone. */
  readonly time: string;
}

/** A trade entered (or edited) by hand, as the form holds it. */
export interface ManualDraft {
  readonly tripId: string | null;
  readonly accountId: string;
  readonly source: string;
  readonly symbol: string;
  readonly multiplier: string;
  /** The zone the fill times are read in. */
  readonly zone: string;
  readonly fills: readonly FillDraft[];
}

export type DraftResult = { readonly ok: true; readonly value: ParamsIn<'journal.saveTrade'> } | { readonly ok: false; readonly error: string };

/** A wall time "YYYY-MM-DD HH:MM[:SS]" in `zone` as epoch ms; null when not a real time there. */
export function parseWallTime(text: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (m === null) return null;
  const days = realCivilDays(Number(m[1]), Number(m[2]), Number(m[3]));
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (days === null || h > 23 || min > 59 || s > 59) return null;
  return zoneClock(zone).instant(days * DAY_MS + ((h * 60 + min) * 60 + s) * 1000);
}

/** Epoch ms as "YYYY-MM-DD HH:MM:SS" on the wall clock of `zone`. */
export function formatWallTime(t: number, zone: string): string {
  const wall = new Date(t + zoneClock(zone).offsetMs(t));
  return wall.toISOString().slice(0, 19).replace('T', ' ');
}

export function emptyFill(side: Side, time: string): FillDraft {
  return { side, qty: '', price: '', fee: '0', time };
}

/** A new trade: a buy and a sell at `now`, in `zone`. */
export function newDraft(accountId: string, zone: string, now: number): ManualDraft {
  const time = formatWallTime(Math.floor(now / 60_000) * 60_000, zone);
  return { tripId: null, accountId, source: 'manual', symbol: '', multiplier: '1', zone, fills: [emptyFill('buy', time), emptyFill('sell', time)] };
}

/** A manual trade's fills back in the form, to edit. */
export function draftFromDetail(detail: TradeDetail): ManualDraft {
  const t = detail.trade;
  return {
    tripId: t.id,
    accountId: t.accountId,
    source: t.source,
    symbol: t.symbol,
    multiplier: String(t.multiplier),
    zone: detail.zone,
    fills: detail.executions.map((e) => ({ side: e.side, qty: String(e.qty), price: String(e.price), fee: String(e.fee), time: formatWallTime(e.time, detail.zone) })),
  };
}

function positive(text: string): number | null {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) && v > 0 ? v : null;
}

/** The draft as journal.saveTrade's params, or the first problem naming its field. */
export function manualParams(d: ManualDraft): DraftResult {
  if (d.accountId === '') return { ok: false, error: 'account: choose one' };
  const symbol = d.symbol.trim().toUpperCase();
  if (symbol === '') return { ok: false, error: 'symbol: required' };
  const multiplier = positive(d.multiplier);
  if (multiplier === null) return { ok: false, error: 'multiplier: a positive number' };
  if (d.fills.length === 0) return { ok: false, error: 'fills: at least one' };
  const fills: ParamsIn<'journal.saveTrade'>['fills'] = [];
  for (const [i, f] of d.fills.entries()) {
    const n = `fill ${String(i + 1)}`;
    const qty = positive(f.qty);
    if (qty === null) return { ok: false, error: `${n}: quantity must be a positive number` };
    const price = positive(f.price);
    if (price === null) return { ok: false, error: `${n}: price must be a positive number` };
    const fee = f.fee.trim() === '' ? 0 : Number(f.fee.trim());
    if (!Number.isFinite(fee) || fee < 0) return { ok: false, error: `${n}: fee must be zero or more` };
    const time = parseWallTime(f.time, d.zone);
    if (time === null) return { ok: false, error: `${n}: time must be YYYY-MM-DD HH:MM[:SS] (${d.zone})` };
    fills.push({ side: f.side, qty, price, fee, time });
  }
  const value: ParamsIn<'journal.saveTrade'> = { accountId: d.accountId, source: d.source.trim() === '' ? 'manual' : d.source.trim(), symbol, multiplier, underlying: null, fills };
  return { ok: true, value: d.tripId === null ? value : { ...value, tripId: d.tripId } };
}
