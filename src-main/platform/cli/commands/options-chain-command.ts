import { z } from 'zod';
import { isoDate, realCivilDays } from '../../../../shared/market/civil-date';
import { expiryInstant } from '../../../../shared/options/option-contract';
import { parseOccSymbol } from '../../../../shared/options/occ-symbol';
import type { SimOptionChain } from '../../../../shared/options/sim-chain/sim-option-chain';
import { DEFAULT_SIM_SEED } from '../../app/core';
import { SimMarket } from '../../../market-data/feeds/sim/sim-market';
import { SIM_OPTION_UNDERLYINGS, simOptionChain, simUnderlyingPrice } from '../../../options/sim/sim-underlying';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { isoTimeFlag } from '../iso-time';
import { parseFlags } from '../parse-flags';
import { chainHeader, contractLines, expirationsTable, strikeLadder } from './options-chain-table';

const flagsSchema = z
  .object({
    source: z.string().min(1),
    underlying: z.string().min(1).optional(),
    contract: z.string().min(1).optional(),
    expiry: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional(),
    at: isoTimeFlag.optional(),
    seed: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).optional(),
    json: z.boolean().default(false),
  })
  .strict();

function chainFor(symbol: string, seed: number, flag: string): SimOptionChain {
  const chain = simOptionChain(seed, symbol);
  if (chain === null) throw new UsageError(`--${flag}: the sim lists options on ${SIM_OPTION_UNDERLYINGS.join(', ')}, not "${symbol}"`);
  return chain;
}

function expiryDate(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  const days = realCivilDays(y ?? 0, m ?? 0, d ?? 0);
  if (days === null) throw new UsageError(`--expiry: ${text} is not a real calendar date`);
  return days;
}

export const optionsChainCommand: Command = {
  name: 'chain',
  summary: 'the simulated option chain of a sim underlying at an instant',
  help: `Usage: tapedeck options chain --source sim (--underlying SYM | --contract OCC) [--expiry YYYY-MM-DD] [--at ISO] [--seed N] [--json]

The option chain the sim lists on the New York date of --at, quoted at the
simulated underlying's price then (its quote's mid while the market is open,
else the last close): weekly (Friday) and monthly (third Friday) expirations
out to 60 days plus the next two monthlies, daily 0DTE ones for SPY and QQQ;
strikes around the previous close; Black-Scholes-Merton on a volatility smile
that follows the underlying's recent volatility (rate 5%; dividend yields
SPY 1.3%, QQQ 0.6%, AAPL 0.5%, NVDA 0); bid/ask on the $0.01 (< $3) / $0.05
grid. Contracts expire at 16:00 New York on their date.

Without --expiry: one line per expiration. With --expiry: the strike ladder of
that expiration (calls left, puts right). With --contract: one contract.

Options:
  --source sim      the chain's source (only the sim has one)
  --underlying SYM  SPY, QQQ, AAPL or NVDA
  --contract OCC    one contract by its OCC symbol, e.g. SPY240315C00500000
  --expiry DATE     one expiration, e.g. 2024-03-15
  --at ISO          the instant (default now), e.g. 2024-03-11T15:00Z (naive = UTC)
  --seed N          the sim's seed (default ${String(DEFAULT_SIM_SEED)}, the app's)
  --json            the chain as JSON: {source, seed, underlying, underlyingPrice, time,
                    rate, dividendYield, expirations: [{date, kind, quotes: [...]}]}
                    (dates are days since 1970-01-01; with --contract, the quote)`,

  run(args, io) {
    const parsed = parseFlags(
      args,
      {
        source: { type: 'string' },
        underlying: { type: 'string' },
        contract: { type: 'string' },
        expiry: { type: 'string' },
        at: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    if (f.source !== 'sim') throw new UsageError(`--source: only the sim has an option chain, not "${f.source}"`);
    if ((f.underlying === undefined) === (f.contract === undefined)) throw new UsageError('--underlying: give --underlying or --contract (one of them)');
    const seed = f.seed ?? DEFAULT_SIM_SEED;
    const at = f.at ?? Date.now();
    let symbol = f.underlying ?? '';
    if (f.contract !== undefined) {
      const parts = parseOccSymbol(f.contract);
      if (!parts.ok) throw new UsageError(`--contract: ${parts.error.field}: ${parts.error.message}`);
      symbol = parts.value.root;
    }
    const chain = chainFor(symbol, seed, f.contract === undefined ? 'underlying' : 'contract');
    const price = simUnderlyingPrice(new SimMarket(seed), symbol, at);
    if (price === null) throw new UsageError(`--at: the sim has no ${symbol} price at ${new Date(at).toISOString()}`);

    if (f.contract !== undefined) {
      const found = chain.find(f.contract, at);
      if (!found.ok) throw new UsageError(`--contract: ${found.error.field}: ${found.error.message}`);
      const quote = chain.quote(found.value, price, at);
      if (f.json) io.out(JSON.stringify({ source: 'sim', seed, ...quote }));
      else for (const line of contractLines(quote)) io.out(line);
      return Promise.resolve(EXIT.ok);
    }

    let expiry: number | undefined;
    if (f.expiry !== undefined) {
      expiry = expiryDate(f.expiry);
      if (expiryInstant(expiry) <= at) throw new UsageError(`--expiry: ${f.expiry} has expired (at 16:00 New York that day)`);
      const listed = chain.expirations(at);
      if (!listed.some((e) => e.date === expiry)) {
        const next = listed.find((e) => e.date > (expiry ?? 0));
        throw new UsageError(`--expiry: no ${symbol} expiration on ${f.expiry}${next === undefined ? '' : ` (the next is ${isoDate(next.date)})`}`);
      }
    }
    const snapshot = chain.quoteAt(price, at, expiry);
    if (f.json) {
      io.out(JSON.stringify({ source: 'sim', seed, ...snapshot }));
      return Promise.resolve(EXIT.ok);
    }
    io.out(chainHeader(snapshot, seed));
    const lines = expiry === undefined ? expirationsTable(snapshot) : snapshot.expirations.flatMap(strikeLadder);
    for (const line of lines) io.out(line);
    return Promise.resolve(EXIT.ok);
  },
};
