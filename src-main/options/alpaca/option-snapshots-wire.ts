import { z } from 'zod';
import { contractFromOcc, type OptionContract } from '../../../shared/options/option-contract';

/**
 * Alpaca's option snapshots (GET /v1beta1/options/snapshots/{underlying}
 * and /v1beta1/options/snapshots?symbols=…) as Tapedeck reads them: per OCC
 * symbol the latest quote (bp/ap), the latest trade (p), the day's volume,
 * implied volatility and greeks (Alpaca's theta is per calendar day, vega
 * per volatility point, rho per rate point), and the next page's token.
 * Checked whole; a bad page is an error naming the field. A symbol that is
 * not an OCC contract is skipped (counted).
 */
const price = z.number().nonnegative();
const quoteSchema = z.looseObject({ bp: price.nullish(), ap: price.nullish(), t: z.string().max(40).nullish() });
const tradeSchema = z.looseObject({ p: z.number().positive(), t: z.string().max(40).nullish() });
const barSchema = z.looseObject({ v: z.number().nonnegative().nullish() });
const greeksSchema = z.looseObject({
  delta: z.number().nullish(),
  gamma: z.number().nullish(),
  theta: z.number().nullish(),
  vega: z.number().nullish(),
  rho: z.number().nullish(),
});
const snapshotSchema = z.looseObject({
  latestQuote: quoteSchema.nullish(),
  latestTrade: tradeSchema.nullish(),
  dailyBar: barSchema.nullish(),
  impliedVolatility: z.number().nullish(),
  greeks: greeksSchema.nullish(),
});
const pageSchema = z.looseObject({
  snapshots: z.record(z.string().max(32), snapshotSchema).nullish(),
  next_page_token: z.string().max(512).nullish(),
});

/** One contract as a snapshot reports it (per share; null where Alpaca says nothing). */
export interface OptionSnapshot {
  readonly contract: OptionContract;
  readonly bid: number;
  readonly ask: number;
  readonly last: number | null;
  readonly volume: number | null;
  readonly iv: number | null;
  readonly delta: number | null;
  readonly gamma: number | null;
  readonly thetaPerDay: number | null;
  readonly vegaPerPoint: number | null;
  readonly rhoPerPoint: number | null;
}

export interface SnapshotPage {
  readonly snapshots: readonly OptionSnapshot[];
  readonly nextPageToken: string | null;
  /** Symbols skipped: not OCC contracts. */
  readonly skipped: number;
}

export class OptionSnapshotParseError extends Error {
  override readonly name = 'OptionSnapshotParseError';
}

const orNull = (v: number | null | undefined): number | null => (v === undefined || v === null ? null : v);

/** One page of snapshots. */
export function parseSnapshotPage(data: unknown): SnapshotPage {
  const r = pageSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new OptionSnapshotParseError(`Alpaca option snapshots, field ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const snapshots: OptionSnapshot[] = [];
  let skipped = 0;
  for (const [symbol, s] of Object.entries(r.data.snapshots ?? {})) {
    const c = contractFromOcc(symbol);
    if (!c.ok) {
      skipped++;
      continue;
    }
    const iv = orNull(s.impliedVolatility);
    snapshots.push({
      contract: c.value,
      bid: s.latestQuote?.bp ?? 0,
      ask: s.latestQuote?.ap ?? 0,
      last: s.latestTrade?.p ?? null,
      volume: s.dailyBar?.v == null ? null : Math.round(s.dailyBar.v),
      iv: iv !== null && iv > 0 ? iv : null,
      delta: orNull(s.greeks?.delta),
      gamma: orNull(s.greeks?.gamma),
      thetaPerDay: orNull(s.greeks?.theta),
      vegaPerPoint: orNull(s.greeks?.vega),
      rhoPerPoint: orNull(s.greeks?.rho),
    });
  }
  const token = r.data.next_page_token ?? null;
  return { snapshots, nextPageToken: token === '' ? null : token, skipped };
}
