import { describe, expect, it } from 'vitest';
import { assertPaperEndpoint, LiveTradingRefusedError } from '../../../../../src-main/trading/brokers/alpaca/trading-endpoints';

const VAR = 'TAPEDECK_ALPACA_TRADING_URL';

describe('Alpaca trading endpoints: paper only', () => {
  it.each([
    'https://api.alpaca.markets',
    'https://API.Alpaca.Markets:443/v2',
    'https://api.alpaca.markets./',
    'https://api.alpaca.markets../',
    'https://user@api.alpaca.markets/',
    'wss://api.alpaca.markets/stream',
    'https://broker-api.alpaca.markets',
    'https://alpaca.markets',
  ])('refuses %s, naming the variable', (url) => {
    expect(() => assertPaperEndpoint(url, VAR)).toThrow(LiveTradingRefusedError);
    expect(() => assertPaperEndpoint(url, VAR)).toThrow(/TAPEDECK_ALPACA_TRADING_URL points at .*alpaca\.markets: Tapedeck trades Alpaca paper accounts only/);
  });

  it.each(['https://paper-api.alpaca.markets', 'https://PAPER-API.alpaca.markets./v2', 'wss://paper-api.alpaca.markets/stream', 'http://127.0.0.1:9999', 'http://localhost:1234/v2'])('lets %s through', (url) => {
    expect(() => assertPaperEndpoint(url, VAR)).not.toThrow();
  });
});
