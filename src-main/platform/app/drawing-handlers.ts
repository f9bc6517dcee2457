import type { DrawingService } from '../../charts/drawings/drawing-service';
import type { EventSources, MethodHandlers } from '../rpc';

type DrawingMethods = Pick<MethodHandlers, 'drawings.list' | 'drawings.upsert' | 'drawings.delete'>;
type DrawingEventSources = Pick<EventSources, 'drawings.updates'>;

/** The drawings part of the contract: list, upsert and delete by id, and each series' list pushed on every change. */
export function createDrawingHandlers(drawings: DrawingService): { handlers: DrawingMethods; sources: DrawingEventSources } {
  return {
    handlers: {
      'drawings.list': ({ source, symbol }) => drawings.list(source, symbol),
      'drawings.upsert': (input) => drawings.upsert(input),
      'drawings.delete': ({ id }) => ({ deleted: drawings.delete(id) }),
    },
    sources: {
      'drawings.updates': ({ source, symbol }, emit) => drawings.follow(source, symbol, emit),
    },
  };
}
