import type { FeedInfo } from '../../shared/contract';
import type { Instrument } from '../../shared/domain/instrument';

/** The instrument of `symbol` on `source`, else on any feed that lists it (a replay plays stored series). */
export function findInstrument(feeds: readonly FeedInfo[] | null, source: string, symbol: string): Instrument | null {
  if (feeds === null) return null;
  let elsewhere: Instrument | null = null;
  for (const feed of feeds) {
    for (const instrument of feed.instruments) {
      if (instrument.symbol !== symbol) continue;
      if (instrument.source === source) return instrument;
      elsewhere ??= instrument;
    }
  }
  return elsewhere;
}

/**
 * Bars from `source` are simulated: the `sim` source always, any other feed
 * that says so in `feeds.list` or (`simulatedInHealth`: ids) in `app.health`.
 */
export function isSimulatedSource(source: string, feeds: readonly FeedInfo[] | null, simulatedInHealth: readonly string[]): boolean {
  if (source === 'sim') return true;
  return (feeds?.some((f) => f.id === source && f.simulated) ?? false) || simulatedInHealth.includes(source);
}

/** A chart of `source` shows simulated bars: from a simulated source, or a replay of one. */
export function isSimulatedChart(
  source: string,
  replayedSource: string | null,
  feeds: readonly FeedInfo[] | null,
  simulatedInHealth: readonly string[],
): boolean {
  if (isSimulatedSource(source, feeds, simulatedInHealth)) return true;
  return source === 'replay' && replayedSource !== null && isSimulatedSource(replayedSource, feeds, simulatedInHealth);
}
