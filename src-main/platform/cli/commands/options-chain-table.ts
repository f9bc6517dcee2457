import { isoDate } from '../../../../shared/market/civil-date';
import { nyLocal } from '../../../../shared/market/new-york-time';
import type { ChainExpiration, ChainSnapshot, OptionQuote } from '../../../../shared/options/sim-chain/sim-option-chain';
import { sig } from './options-flags';

/** Text renderings of a chain for `tapedeck options chain`. */

function pct(v: number | null): string {
  return v === null ? '-' : `${(v * 100).toFixed(1)}%`;
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

export function chainHeader(s: ChainSnapshot, seed: number): string {
  return `${s.underlying} ${s.underlyingPrice.toFixed(2)} at ${new Date(s.time).toISOString()} (sim, seed ${String(seed)}); rate ${pct(s.rate)}, dividend yield ${pct(s.dividendYield)}`;
}

function atmQuote(e: ChainExpiration, spot: number): OptionQuote | undefined {
  let best: OptionQuote | undefined;
  for (const q of e.quotes) if (q.contract.type === 'call' && (best === undefined || Math.abs(q.contract.strike - spot) < Math.abs(best.contract.strike - spot))) best = q;
  return best;
}

/** One line per expiration: date, kind, days, contracts, ATM IV. */
export function expirationsTable(s: ChainSnapshot): string[] {
  const today = nyLocal(s.time).days;
  const rows = [['EXPIRY', 'KIND', 'DAYS', 'CONTRACTS', 'ATM IV']];
  for (const e of s.expirations) rows.push([isoDate(e.date), e.kind, String(e.date - today), String(e.quotes.length), pct(atmQuote(e, s.underlyingPrice)?.iv ?? null)]);
  return table(rows, new Set([2, 3, 4]));
}

/** Calls on the left, the strike in the middle, puts on the right. */
export function strikeLadder(e: ChainExpiration): string[] {
  const byStrike = new Map<number, { call?: OptionQuote; put?: OptionQuote }>();
  for (const q of e.quotes) byStrike.set(q.contract.strike, { ...byStrike.get(q.contract.strike), [q.contract.type]: q });
  const side = (q: OptionQuote | undefined): string[] =>
    q === undefined ? ['', '', '', '', '', ''] : [q.bid.toFixed(2), q.ask.toFixed(2), pct(q.iv), q.greeks === null ? '-' : q.greeks.delta.toFixed(3), String(q.volume), String(q.openInterest)];
  const rows = [['C BID', 'C ASK', 'C IV', 'C DELTA', 'C VOL', 'C OI', 'STRIKE', 'P BID', 'P ASK', 'P IV', 'P DELTA', 'P VOL', 'P OI']];
  for (const [strike, pair] of [...byStrike.entries()].sort((a, b) => a[0] - b[0])) rows.push([...side(pair.call), String(strike), ...side(pair.put)]);
  return table(rows, new Set(rows[0]?.map((_, i) => i)));
}

/** One contract's quote, one field a line. */
export function contractLines(q: OptionQuote): string[] {
  const lines = [
    `${q.contract.symbol}  ${q.contract.underlying} ${isoDate(q.contract.expiryDate)} ${String(q.contract.strike)} ${q.contract.type}, multiplier ${String(q.contract.multiplier)}, expires ${new Date(q.contract.expiryTime).toISOString()}`,
    `status  ${q.status}`,
    `bid     ${q.bid.toFixed(2)}`,
    `ask     ${q.ask.toFixed(2)}`,
    `theo    ${sig(q.theo)}`,
    `iv      ${pct(q.iv)}`,
    `volume  ${String(q.volume)}`,
    `oi      ${String(q.openInterest)}`,
  ];
  const g = q.greeks;
  if (g !== null) {
    lines.push(`delta   ${sig(g.delta)}`, `gamma   ${sig(g.gamma)}`, `vega    ${sig(g.vegaPerPoint)} per vol point`, `theta   ${sig(g.thetaPerDay)} per calendar day`, `rho     ${sig(g.rhoPerPoint)} per rate point`);
  }
  return lines;
}
