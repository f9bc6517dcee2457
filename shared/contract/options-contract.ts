import { z } from 'zod';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { optionTypeSchema } from '../options/option-type';
import { chainSnapshotSchema, expirationInfoSchema } from '../options/wire/chain-snapshot';
import { contractQuoteSchema } from '../options/wire/contract-quote';
import { daysOfExpiry, expiryDateSchema } from '../options/wire/expiry-date';
import { occSymbolSchema } from '../options/wire/occ-symbol-schema';
import { epochMsSchema } from '../domain/epoch';
import { event, method } from './define';

/** The chain's source: `sim` (the simulated market), later `alpaca`. */
const source = sourceSchema.default('sim');
const strike = z.number().positive().max(99_999.999);

/** Which part of a chain: one expiration or a range of them, calls or puts, a strike window or the strikes nearest the money. */
const filterFields = {
  type: optionTypeSchema.optional(),
  strikeMin: strike.optional(),
  strikeMax: strike.optional(),
  /** The N listed strikes each side of the money (after strikeMin/strikeMax). */
  strikesAround: z.number().int().min(1).max(500).optional(),
};

function refineWindow(p: { strikeMin?: number | undefined; strikeMax?: number | undefined; expiryFrom?: string | undefined; expiryTo?: string | undefined }, ctx: z.RefinementCtx): void {
  if (p.strikeMin !== undefined && p.strikeMax !== undefined && p.strikeMin > p.strikeMax) ctx.addIssue({ code: 'custom', path: ['strikeMin'], message: 'must be at most strikeMax' });
  if (p.expiryFrom !== undefined && p.expiryTo !== undefined && (daysOfExpiry(p.expiryFrom) ?? 0) > (daysOfExpiry(p.expiryTo) ?? 0)) {
    ctx.addIssue({ code: 'custom', path: ['expiryFrom'], message: 'must be on or before expiryTo' });
  }
}

const chainParams = z
  .object({
    source,
    underlying: symbolSchema,
    /** One expiration (else every listed one from expiryFrom to expiryTo, both included). */
    expiry: expiryDateSchema.optional(),
    expiryFrom: expiryDateSchema.optional(),
    expiryTo: expiryDateSchema.optional(),
    ...filterFields,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.expiry !== undefined && (p.expiryFrom !== undefined || p.expiryTo !== undefined)) ctx.addIssue({ code: 'custom', path: ['expiry'], message: 'give expiry or expiryFrom/expiryTo, not both' });
    refineWindow(p, ctx);
  });

const strikeRule = z.discriminatedUnion('kind', [
  /** The strike whose |delta| is nearest the target (0.30: the 30-delta call, or the −0.30 put). */
  z.object({ kind: z.literal('delta'), target: z.number().gt(0).lt(1) }).strict(),
  /** ATM ± steps listed strikes: > 0 out of the money (up for calls, down for puts), < 0 into it. */
  z.object({ kind: z.literal('atm-offset'), steps: z.number().int().min(-100).max(100) }).strict(),
]);

export const optionsMethods = {
  'options.expirations': method({
    description: 'The expirations an underlying lists now (0DTE to ~60 days and the next monthlies on the sim), with days to each and the ~30-day one marked.',
    params: z.object({ source, underlying: symbolSchema }).strict(),
    result: z.object({ source: sourceSchema, underlying: symbolSchema, time: epochMsSchema, expirations: z.array(expirationInfoSchema) }),
  }),
  'options.chain': method({
    description:
      'A chain snapshot now: per expiration its contracts by strike (calls before puts) with bid, ask, mark, last, IV, delta, gamma, theta per calendar day, vega per vol point (per share), volume, open interest and the break-even at the ask. Filters: one expiry or a range, type, a strike window, the strikes around the money.',
    params: chainParams,
    result: chainSnapshotSchema,
  }),
  'options.contract': method({
    description: 'One contract by its OCC symbol: quote, greeks (per share; theta per calendar day, vega and rho per point), IV, the model inputs and its status; a contract that is not listed or has expired is refused naming the part of the symbol.',
    params: z.object({ source, symbol: occSymbolSchema }).strict(),
    result: contractQuoteSchema,
  }),
  'options.pick': method({
    description: '"Calls" or "puts" to one contract by the trader’s rule: the nearest expiration at least minDays away, the strike nearest a delta or ATM ± k strikes.',
    params: z.object({ source, underlying: symbolSchema, side: z.enum(['calls', 'puts']), minDays: z.number().int().min(0).max(3650).default(0), strike: strikeRule }).strict(),
    result: contractQuoteSchema,
  }),
};

export const optionsEvents = {
  'options.chainUpdates': event({
    description: 'One expiration of an underlying’s chain: the snapshot now, then again as the underlying moves (at most 4 a second) and at least every second; a slow client gets the latest only.',
    params: z
      .object({ source, underlying: symbolSchema, expiry: expiryDateSchema, ...filterFields })
      .strict()
      .superRefine((p, ctx) => refineWindow(p, ctx)),
    payload: chainSnapshotSchema,
  }),
};
