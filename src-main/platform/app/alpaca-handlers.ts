import { ContractFailure } from '../../../shared/contract';
import type { AlpacaFeed } from '../../market-data/feeds/alpaca/alpaca-feed';
import type { AlpacaCredentials } from '../../market-data/feeds/alpaca/credentials';
import type { MethodHandlers } from '../rpc';
import { AlpacaBroker } from '../../trading/brokers/alpaca';
import type { Trading } from '../../trading/trading';

/** Where the desktop app keeps the keys (safeStorage in the data directory): the credentials source the feed and broker read is backed by it. */
export interface AlpacaKeyStore {
  save(keys: AlpacaCredentials): Promise<void>;
  clear(): Promise<void>;
}

export interface AlpacaHandlerDeps {
  /** The desktop app's store; null in serve and the CLI (keys from the environment). */
  readonly store: AlpacaKeyStore | null;
  readonly feed: AlpacaFeed | null;
  readonly trading: Trading;
}

type AlpacaMethods = Pick<MethodHandlers, 'alpaca.setKeys' | 'alpaca.clearKeys'>;

const FROM_ENV = 'tapedeck serve reads the Alpaca keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY: set them and start it again';

/**
 * The keys entered in Settings: stored (encrypted), then the feed and every
 * Alpaca account reconnect with them, the "Alpaca paper" account made if it
 * was not there. The audit log says the keys changed, never what they are.
 */
export function createAlpacaHandlers(deps: AlpacaHandlerDeps): { handlers: AlpacaMethods } {
  const reconnect = async (): Promise<void> => {
    await deps.feed?.credentialsChanged();
    for (const broker of deps.trading.desk.allBrokers()) if (broker instanceof AlpacaBroker) await broker.keysChanged();
    deps.trading.events.emit('accounts', null);
  };
  return {
    handlers: {
      'alpaca.setKeys': async ({ keyId, secret }) => {
        if (deps.store === null) throw new ContractFailure('REJECTED', FROM_ENV, 'params');
        await deps.store.save({ keyId, secret });
        deps.trading.audit.record({ kind: 'setting', accountId: null, symbol: null, message: 'Alpaca keys changed (stored encrypted)', data: {} });
        deps.trading.desk.ensureAlpaca();
        await reconnect();
        return { stored: true as const };
      },
      'alpaca.clearKeys': async () => {
        if (deps.store === null) throw new ContractFailure('REJECTED', FROM_ENV, 'params');
        await deps.store.clear();
        deps.trading.audit.record({ kind: 'setting', accountId: null, symbol: null, message: 'Alpaca keys deleted', data: {} });
        await reconnect();
        return { cleared: true };
      },
    },
  };
}
