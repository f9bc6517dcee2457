import { describe, expect, it } from 'vitest';
import { alpacaConfigFromEnv, alpacaFromEnv } from '../../../../../src-main/platform/config/alpaca-config';
import { ALPACA_DEFAULTS } from '../../../../../src-main/market-data/feeds/alpaca/config';

describe('alpacaConfigFromEnv', () => {
  it('defaults to the public data hosts, the iex feed and raw prices', () => {
    expect(alpacaConfigFromEnv({})).toEqual(ALPACA_DEFAULTS);
    expect(ALPACA_DEFAULTS).toEqual({ dataUrl: 'https://data.alpaca.markets', dataStreamUrl: 'wss://stream.data.alpaca.markets/v2/iex', feed: 'iex', adjustment: 'raw', symbols: [] });
  });

  it('takes endpoints, the sip feed (with its stream), the adjustment and extra symbols', () => {
    expect(alpacaConfigFromEnv({ TAPEDECK_ALPACA_FEED: 'sip' }).dataStreamUrl).toBe('wss://stream.data.alpaca.markets/v2/sip');
    expect(
      alpacaConfigFromEnv(
        { TAPEDECK_ALPACA_DATA_URL: 'http://127.0.0.1:8080/', TAPEDECK_ALPACA_DATA_STREAM_URL: 'ws://127.0.0.1:8080/v2/iex', TAPEDECK_ALPACA_ADJUSTMENT: 'split', TAPEDECK_ALPACA_SYMBOLS: 'SOFI, F' },
        ['BRK.B'],
      ),
    ).toEqual({ dataUrl: 'http://127.0.0.1:8080', dataStreamUrl: 'ws://127.0.0.1:8080/v2/iex', feed: 'iex', adjustment: 'split', symbols: ['SOFI', 'F', 'BRK.B'] });
  });

  it('refuses a bad value naming the variable', () => {
    expect(() => alpacaConfigFromEnv({ TAPEDECK_ALPACA_DATA_URL: 'ftp://x' })).toThrow(/^TAPEDECK_ALPACA_DATA_URL: must be a http: or https: URL$/);
    expect(() => alpacaConfigFromEnv({ TAPEDECK_ALPACA_DATA_STREAM_URL: 'https://x' })).toThrow(/^TAPEDECK_ALPACA_DATA_STREAM_URL: /);
    expect(() => alpacaConfigFromEnv({ TAPEDECK_ALPACA_FEED: 'otc' })).toThrow(/^TAPEDECK_ALPACA_FEED: /);
  });
});

describe('keys from the environment', () => {
  it('reads APCA_API_KEY_ID / APCA_API_SECRET_KEY, and says which one is missing', async () => {
    const both = alpacaFromEnv({ APCA_API_KEY_ID: 'PKID', APCA_API_SECRET_KEY: 'sekrit' }).credentials;
    const keys = await both.load();
    expect([keys?.keyId, keys?.secret]).toEqual(['PKID', 'sekrit']);
    expect(JSON.stringify({ keys })).toBe('{"keys":"AlpacaKeys [redacted]"}');
    expect(await alpacaFromEnv({ APCA_API_KEY_ID: ' ', APCA_API_SECRET_KEY: '' }).credentials.load()).toBeNull();
    expect(alpacaFromEnv({}).credentials.missingReason).toBe('no Alpaca keys: set APCA_API_KEY_ID and APCA_API_SECRET_KEY');
    expect(alpacaFromEnv({ APCA_API_KEY_ID: 'PKID' }).credentials.missingReason).toBe('no Alpaca keys: APCA_API_KEY_ID is set but APCA_API_SECRET_KEY is not');
  });
});
