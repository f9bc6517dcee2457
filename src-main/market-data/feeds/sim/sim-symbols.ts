import { instrumentSchema, type Instrument } from '../../../../shared/domain/instrument';
import type { MarketKind } from '../../../../shared/market/market-kind';

/** What the simulator needs beyond an instrument's trading rules. */
export interface SimParams {
  /** Price level the daily path starts from on the reference date and is pulled back towards. */
  readonly refPrice: number;
  /** Long-run annualised volatility of log returns (the regime wanders around it). */
  readonly annualVol: number;
  /** Mean size of one print (sizes are exponential around it, at least one lot). */
  readonly typicalTradeSize: number;
  /** Volume of an average minute; with the trade size it sets the prints per minute. */
  readonly baseVolumePerMinute: number;
  /** Quoted spread in ticks; buys print at the ask, sells at the bid. */
  readonly spreadTicks: number;
}

export type SimInstrument = Instrument & SimParams;

function simInstrument(symbol: string, market: MarketKind, description: string, tickSize: number, lotSize: number, params: SimParams): SimInstrument {
  const base = instrumentSchema.parse({ source: 'sim', symbol, market, description, tickSize, lotSize, baseInterval: '1m' });
  return { ...base, ...params };
}

/** The simulated market's symbols: three crypto pairs (24/7), four US equities (regular session), one FX pair (24/5). */
export const SIM_INSTRUMENTS: readonly SimInstrument[] = [
  simInstrument('BTCUSDT', 'crypto', 'Bitcoin / Tether (simulated)', 0.01, 0.00001, {
    refPrice: 60_000, annualVol: 0.6, typicalTradeSize: 0.04, baseVolumePerMinute: 0.5, spreadTicks: 1,
  }),
  simInstrument('ETHUSDT', 'crypto', 'Ether / Tether (simulated)', 0.01, 0.0001, {
    refPrice: 3_000, annualVol: 0.7, typicalTradeSize: 0.5, baseVolumePerMinute: 5, spreadTicks: 1,
  }),
  simInstrument('SOLUSDT', 'crypto', 'Solana / Tether (simulated)', 0.01, 0.001, {
    refPrice: 150, annualVol: 0.9, typicalTradeSize: 8, baseVolumePerMinute: 70, spreadTicks: 1,
  }),
  simInstrument('SPY', 'us-equity', 'SPDR S&P 500 ETF (simulated)', 0.01, 1, {
    refPrice: 500, annualVol: 0.16, typicalTradeSize: 300, baseVolumePerMinute: 9_000, spreadTicks: 1,
  }),
  simInstrument('AAPL', 'us-equity', 'Apple Inc. (simulated)', 0.01, 1, {
    refPrice: 190, annualVol: 0.25, typicalTradeSize: 200, baseVolumePerMinute: 5_000, spreadTicks: 1,
  }),
  simInstrument('QQQ', 'us-equity', 'Invesco QQQ Trust (simulated)', 0.01, 1, {
    refPrice: 430, annualVol: 0.2, typicalTradeSize: 200, baseVolumePerMinute: 4_000, spreadTicks: 1,
  }),
  simInstrument('NVDA', 'us-equity', 'NVIDIA Corp. (simulated)', 0.01, 1, {
    refPrice: 120, annualVol: 0.5, typicalTradeSize: 300, baseVolumePerMinute: 10_000, spreadTicks: 1,
  }),
  simInstrument('EURUSD', 'fx', 'Euro / US Dollar (simulated)', 0.00001, 1000, {
    refPrice: 1.08, annualVol: 0.07, typicalTradeSize: 250_000, baseVolumePerMinute: 2_500_000, spreadTicks: 6,
  }),
];

