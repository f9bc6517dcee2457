import { ContractFailure, type ImportResult, type JournalPlaybook, type JournalTrade } from '../../shared/contract';
import { barsFromColumns } from '../../shared/domain/bar-columns';
import type { EpochMs } from '../../shared/domain/epoch';
import type { SymbolId } from '../../shared/domain/symbol';
import type { TripFilter } from '../../shared/journal/trip-filter';
import { feeScheduleSchema, riskSettingsSchema } from '../../shared/trading/account';
import type { MarketData } from '../market-data/market-data';
import type { Db } from '../platform/store/database';
import type { TradingEvents } from '../trading/service/trading-events';
import type { Trading } from '../trading/trading';
import type { JournalAccounts } from './journal-accounts';
import { JournalCapture } from './journal-capture';
import { JournalEvents } from './journal-events';
import { JournalExecutions } from './journal-executions';
import { exportJournal, type ExportKind, type ExportResult } from './journal-export';
import { importExecutions, type ImportRequest } from './journal-import';
import { JournalService } from './journal-service';
import { deleteJournalTrade, saveManualTrade, type ManualTrade } from './manual-trades';
import { MediaRepository } from './media-repository';
import type { MediaStatus, MediaStore } from './media-store';
import { OrderContext } from './order-context';
import { PlaybookRepository, type PlaybookInput } from './playbook-repository';
import type { ScreenshotService } from './screenshot-service';
import { TripBook } from './trip-book';
import { TripNotesRepository } from './trip-notes-repository';
import { tripZones } from './zone-of';

export interface JournalDeps {
  readonly db: Db;
  readonly media: MediaStore;
  readonly screenshots: ScreenshotService;
  readonly market: MarketData;
  readonly trading: Trading;
  readonly now: () => number;
  readonly log: { error(message: string, err?: unknown): void };
}

export interface Journal {
  readonly service: JournalService;
  readonly capture: JournalCapture;
  readonly events: JournalEvents;
  playbooks(): JournalPlaybook[];
  savePlaybook(input: PlaybookInput): JournalPlaybook;
  archivePlaybook(id: string, archived: boolean): JournalPlaybook;
  importCsv(req: ImportRequest): ImportResult;
  exportJournal(kind: ExportKind, filter: TripFilter): Promise<ExportResult>;
  saveTrade(trade: ManualTrade): JournalTrade[];
  deleteTrade(tripId: string): number;
  media(sha256: string): Promise<{ sha256: string; status: MediaStatus; png: string | null }>;
  /** Follows trading: every fill changes the journal and is photographed (after the trading path has returned). */
  follow(events: TradingEvents): () => void;
}

/** The journal, wired: its tables, the round trips of the stored executions, screenshots, import/export. */
export function createJournal(deps: JournalDeps): Journal {
  const { db, trading, market } = deps;
  const desk = trading.desk;
  const accounts: JournalAccounts = {
    list: () => desk.list(),
    activeId: () => desk.activeId(),
    create: (name, id) => desk.create({ name, startingCash: 1_000, currency: 'USD', fees: feeScheduleSchema.parse({}), risk: riskSettingsSchema.parse({}) }, id),
  };
  const currencyOf = (accountId: string): string => desk.list().find((a) => a.id === accountId)?.currency ?? 'USD';
  const executions = new JournalExecutions(db);
  const notes = new TripNotesRepository(db, deps.now);
  const playbooks = new PlaybookRepository(db, deps.now);
  const rows = new MediaRepository(db);
  const orders = new OrderContext(db);
    const events = new JournalEvents((err) => deps.log.error('a journal event listener failed', err));
  const zoneOf = tripZones(market.feeds);
  const book = new TripBook({ db, executions, notes, playbooks, media: rows, orders, currencyOf, zoneOf });
  const service = new JournalService({
    book,
    notes,
    playbooks,
    events,
    orders,
    zoneOf,
    now: deps.now,
    checkFile: (sha, path) => deps.media.check(sha, path),
    fileExists: (path) => deps.media.exists(path),
    accountName: (id) => desk.list().find((a) => a.id === id)?.name ?? id,
    bars: async (q) => {
      const read = await market.service.get({ ...q, symbol: q.symbol as SymbolId, from: q.from as EpochMs, to: q.to as EpochMs });
      return { bars: barsFromColumns(read.bars), missing: read.coverage.missing.reduce((n, m) => n + m.bars, 0) };
    },
  });
  const capture = new JournalCapture({
    screenshots: deps.screenshots,
    media: deps.media,
    rows,
    positionsOf: (accountId) => trading.service.positions(accountId),
    now: deps.now,
    whenQuiet: () => trading.activity.whenQuiet(),
    changed: () => service.changed('screenshot'),
    log: deps.log,
  });
  const tripsOf = (ids: readonly string[]): JournalTrade[] => {
    const b = service.book();
    const wanted = new Set(ids);
    return b.trips.filter((t) => t.executionIds.some((id) => wanted.has(id))).flatMap((t) => b.rows.get(t.id) ?? []);
  };
  return {
    service,
    capture,
    events,
    playbooks: () => playbooks.list(),
    savePlaybook(input) {
      const p = playbooks.save(input);
      service.changed('playbook');
      return p;
    },
    archivePlaybook(id, archived) {
      const p = playbooks.setArchived(id, archived);
      service.changed('playbook');
      return p;
    },
    importCsv(req) {
      const result = importExecutions(req, accounts, executions);
      if (result.added > 0 || result.createdAccounts.length > 0) service.changed('import');
      return result;
    },
    exportJournal: (kind, filter) => {
      const { book: b, trips } = service.filtered(filter);
      return exportJournal(b, trips, kind, { now: deps.now, currencyOf, readShot: (sha, path) => deps.media.read(sha, path) });
    },
    saveTrade(trade) {
      desk.require(trade.accountId);
      const ids = saveManualTrade(service.book(), executions, trade);
      service.changed('manual');
      return tripsOf(ids);
    },
    deleteTrade(tripId) {
      const deleted = deleteJournalTrade(service.book(), executions, tripId);
      service.changed('manual', [tripId]);
      return deleted;
    },
    async media(sha256) {
      const row = rows.bySha(sha256);
      if (row === undefined) throw new ContractFailure('NOT_FOUND', `no screenshot ${sha256} in the journal`, 'params.sha256');
      const read = await deps.media.read(sha256, row.path);
      return { sha256, status: read.status, png: read.bytes === null ? null : read.bytes.toString('base64') };
    },
    follow(tradingEvents) {
      const stops = [
        tradingEvents.on('fill', (e) => {
          // Nothing here may cost the trading path: the change notice and the pictures come after it returns.
          setImmediate(() => service.changed('fill'));
          capture.onFill(e);
        }),
        // An order change can move a trip's planned stop (its R): the next read rebuilds.
        tradingEvents.on('order', () => void book.bump()),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
