import type { EventSources, MethodHandlers } from '../rpc';
import type { Options } from '../../options';

type OptionsMethods = Pick<MethodHandlers, 'options.expirations' | 'options.chain' | 'options.contract' | 'options.pick'>;
type OptionsEventSources = Pick<EventSources, 'options.chainUpdates'>;

/** The options part of the contract: expirations, chain snapshots, one contract, the picker, and chain updates. */
export function createOptionsHandlers(options: Options): { handlers: OptionsMethods; sources: OptionsEventSources } {
  const { service, updates } = options;
  return {
    handlers: {
      'options.expirations': (p) => service.expirations(p),
      'options.chain': (p) => service.chain(p),
      'options.contract': (p) => service.contract(p),
      'options.pick': (p) => service.pick(p),
    },
    sources: {
      'options.chainUpdates': (p, emit, subscriber) => updates.subscribe(p, { deliver: emit, isBusy: () => subscriber.isBusy() }),
    },
  };
}
