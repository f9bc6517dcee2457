import type { EventSources, MethodHandlers } from '../rpc';
import type { Journal } from '../../journal/journal';

type JournalMethods = Pick<
  MethodHandlers,
  | 'journal.trades'
  | 'journal.trade'
  | 'journal.update'
  | 'journal.orphans'
  | 'journal.saveTrade'
  | 'journal.deleteTrade'
  | 'journal.playbooks'
  | 'journal.savePlaybook'
  | 'journal.archivePlaybook'
  | 'journal.stats'
  | 'journal.calendar'
  | 'journal.import'
  | 'journal.export'
  | 'journal.media'
  | 'journal.capture'
>;
type JournalEventSources = Pick<EventSources, 'journal.updates'>;

/** The journal part of the contract: round trips with notes, playbooks, statistics, calendar, import/export, screenshots. */
export function createJournalHandlers(journal: Journal): { handlers: JournalMethods; sources: JournalEventSources } {
  const { service } = journal;
  return {
    handlers: {
      'journal.trades': ({ filter, limit }) => service.list(filter, limit),
      'journal.trade': ({ tripId }) => service.detail(tripId),
      'journal.update': ({ tripId, patch }) => service.update(tripId, patch),
      'journal.orphans': () => service.orphans(),
      'journal.saveTrade': (p) => ({ trades: journal.saveTrade(p) }),
      'journal.deleteTrade': ({ tripId }) => ({ deleted: journal.deleteTrade(tripId) }),
      'journal.playbooks': () => journal.playbooks(),
      'journal.savePlaybook': (p) => journal.savePlaybook(p),
      'journal.archivePlaybook': ({ id, archived }) => journal.archivePlaybook(id, archived),
      'journal.stats': ({ filter, calendarZone }) => service.stats(filter, calendarZone),
      'journal.calendar': ({ year, month, zone, filter }) => service.calendar(year, month, zone, filter),
      'journal.import': (p) => journal.importCsv(p),
      'journal.export': ({ kind, filter }) => journal.exportJournal(kind, filter),
      'journal.media': ({ sha256 }) => journal.media(sha256),
      'journal.capture': ({ symbol, tripId }) => journal.capture.captureNow(symbol ?? null, tripId ?? null),
    },
    sources: {
      'journal.updates': (_params, emit) => {
        emit({ version: service.version, reason: 'snapshot', tripIds: [] });
        return journal.events.on(emit);
      },
    },
  };
}
