import { ContractFailure, type ErrorCode, type Params, type Result } from '../../../shared/contract';
import { asEpochMs, type EpochMs } from '../../../shared/domain/epoch';
import { contractFromOcc } from '../../../shared/options/option-contract';
import type { Checked, OptionsInputError } from '../../../shared/options/options-input-error';
import { pickContract, type PickCandidate } from '../../../shared/options/contract-picker';
import type { ChainSnapshot } from '../../../shared/options/wire/chain-snapshot';
import type { ContractQuote } from '../../../shared/options/wire/contract-quote';
import { daysOfExpiry } from '../../../shared/options/wire/expiry-date';
import type { ChainProviders } from '../chain/chain-providers';
import type { ChainQuery, OptionChainProvider } from '../chain/option-chain-provider';
import { strikesAround } from '../chain/strikes-around';

/** The query fields of options.chain and options.chainUpdates. */
export type ChainParams = Pick<Params<'options.chain'>, 'source' | 'underlying' | 'expiry' | 'expiryFrom' | 'expiryTo' | 'type' | 'strikeMin' | 'strikeMax' | 'strikesAround'>;

/** A provider's refusal as the contract's error: the field it names is a param, or (for a symbol's part) the symbol. */
export function chainFailure(error: OptionsInputError, params: readonly string[], code: ErrorCode = 'NOT_FOUND'): ContractFailure {
  if (params.includes(error.field)) return new ContractFailure(code, error.message, `params.${error.field}`);
  return new ContractFailure(code, `${error.field}: ${error.message}`, params.includes('symbol') ? 'params.symbol' : `params.${params[0] ?? ''}`);
}

function unwrap<T>(c: Checked<T>, params: readonly string[]): T {
  if (!c.ok) throw chainFailure(c.error, params);
  return c.value;
}

/** The chain query of the contract's params (dates as NY days). */
export function chainQueryOf(p: ChainParams): ChainQuery {
  const day = (s: string | undefined): number | undefined => (s === undefined ? undefined : (daysOfExpiry(s) ?? undefined));
  const from = day(p.expiry ?? p.expiryFrom);
  const to = day(p.expiry ?? p.expiryTo);
  return {
    underlying: p.underlying,
    ...(from === undefined ? {} : { expiryFrom: from }),
    ...(to === undefined ? {} : { expiryTo: to }),
    ...(p.type === undefined ? {} : { type: p.type }),
    ...(p.strikeMin === undefined ? {} : { strikeMin: p.strikeMin }),
    ...(p.strikeMax === undefined ? {} : { strikeMax: p.strikeMax }),
  };
}

const CHAIN_FIELDS = ['underlying', 'expiry', 'expiryFrom', 'expiryTo', 'type', 'strikeMin', 'strikeMax'];

/** A snapshot cut to the strikes around the money (when asked). */
export function aroundTheMoney(s: ChainSnapshot, n: number | undefined): ChainSnapshot {
  if (n === undefined) return s;
  return { ...s, expirations: s.expirations.map((e) => ({ ...e, rows: strikesAround(e.rows, s.underlyingPrice, n) })) };
}

/**
 * The options part of the contract, over the chain providers: expirations,
 * chain snapshots, one contract, and the contract picker. Every refusal is a
 * ContractFailure naming the param (or the part of the OCC symbol) it is about.
 */
export class OptionsService {
  constructor(
    private readonly providers: ChainProviders,
    private readonly now: (source: string) => number,
  ) {}

  async expirations(p: Params<'options.expirations'>): Promise<Result<'options.expirations'>> {
    const provider = this.providers.require(p.source);
    const expirations = unwrap(await provider.expirations(p.underlying), ['underlying']);
    return { source: p.source, underlying: p.underlying, time: this.time(p.source), expirations: [...expirations] };
  }

  async chain(p: ChainParams): Promise<ChainSnapshot> {
    const provider = this.providers.require(p.source);
    const query = unwrap(provider.checkQuery(chainQueryOf(p)), CHAIN_FIELDS);
    const snapshot = unwrap(await provider.chain(query), CHAIN_FIELDS);
    return aroundTheMoney(snapshot, p.strikesAround);
  }

  async contract(p: Params<'options.contract'>): Promise<ContractQuote> {
    const provider = this.providers.require(p.source);
    unwrap(provider.check(p.symbol), ['symbol']);
    return this.quoteOf(provider, p.symbol);
  }

  async pick(p: Params<'options.pick'>): Promise<ContractQuote> {
    const provider = this.providers.require(p.source);
    const snapshot = unwrap(await provider.chain(unwrap(provider.checkQuery({ underlying: p.underlying, type: p.side === 'calls' ? 'call' : 'put' }), ['underlying'])), ['underlying']);
    const candidates: PickCandidate[] = [];
    for (const e of snapshot.expirations) {
      for (const row of e.rows) {
        const contract = contractFromOcc(row.symbol, snapshot.underlying);
        if (!contract.ok || (p.strike.kind === 'delta' && row.delta === null)) continue;
        candidates.push({ contract: contract.value, delta: row.delta ?? 0 });
      }
    }
    const picked = pickContract(candidates, snapshot.underlyingPrice, snapshot.time, { side: p.side, minDays: p.minDays, strike: p.strike });
    if (!picked.ok) {
      const field = picked.error.field === 'delta' ? 'strike.target' : picked.error.field === 'steps' ? 'strike.steps' : picked.error.field === 'expiry' ? 'minDays' : 'strike';
      throw new ContractFailure('NOT_FOUND', picked.error.message, `params.${field}`);
    }
    return this.quoteOf(provider, picked.value.contract.symbol);
  }

  private async quoteOf(provider: OptionChainProvider, symbol: string): Promise<ContractQuote> {
    const answer = (await provider.quotes([symbol])).get(symbol);
    if (answer === undefined) throw new ContractFailure('INTERNAL', `the ${provider.source} chain gave no quote for ${symbol}`, 'params.symbol');
    return unwrap(answer, ['symbol']);
  }

  private time(source: string): EpochMs {
    return asEpochMs(this.now(source));
  }
}
