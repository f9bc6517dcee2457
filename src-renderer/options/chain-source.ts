import type { Instrument } from '../../shared/domain/instrument';

/** The two chains the Options tab shows: the simulated one, and Alpaca's (its option snapshots). */
export type ChainSource = 'sim' | 'alpaca';

/**
 * Which chain an underlying's options come from: Alpaca's when the
 * underlying is a US stock or ETF charted (or on the ticket) from Alpaca —
 * so its contracts are the ones Alpaca trades — else the sim's.
 */
export function chainSourceOf(source: string | null, instrument: Pick<Instrument, 'source' | 'market'> | null): ChainSource {
  return source === 'alpaca' && instrument !== null && instrument.source === 'alpaca' && instrument.market === 'us-equity' ? 'alpaca' : 'sim';
}

