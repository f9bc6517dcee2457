import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { sourceSchema } from '../domain/source';
import { symbolSchema } from '../domain/symbol';
import { tripFilterSchema } from '../journal/trip-filter';
import { tripNotesPatchSchema, tripNotesSchema } from '../journal/trip-notes';
import { sideSchema } from '../trading/order';
import { event, method, noParams } from './define';
import {
  EXPORT_KINDS,
  exportResultSchema,
  importResultSchema,
  journalPlaybookSchema,
  journalShotSchema,
  journalStatsSchema,
  journalTradeSchema,
  journalUpdateSchema,
  monthCalendarSchema,
  SHOT_STATUSES,
  tradeDetailSchema,
} from './journal-wire';

const tripId = z.string().min(1).max(200);
const filter = tripFilterSchema.default({ dateField: 'openedAt' });
const zone = z.string().min(1).max(64);
/** A CSV sent in one contract frame (under the 1 MiB frame limit); bigger files go through the CLI. */
export const MAX_IMPORT_CSV_CHARS = 900_000;

const manualFillSchema = z
  .object({ side: sideSchema, qty: z.number().positive().max(1e12), price: z.number().positive().max(1e12), fee: z.number().nonnegative().max(1e9).default(0), time: epochMsSchema })
  .strict();

export const journalMethods = {
  'journal.trades': method({
    description: 'Round trips built from the stored executions (per account and instrument, flat to flat), with the trader’s notes, tags and screenshots; filtered (date, account, symbol, tag, setup, strategy, outcome), newest first.',
    params: z.object({ filter, limit: z.number().int().min(1).max(20_000).default(5_000) }).strict(),
    result: z.object({ trades: z.array(journalTradeSchema), total: z.number().int(), version: z.number().int() }),
  }),
  'journal.trade': method({
    description: 'One round trip: its fills and orders, notes, playbook, screenshots (each checked against its hash: a missing or changed file is flagged) and MFE/MAE from the 1m bars.',
    params: z.object({ tripId }).strict(),
    result: tradeDetailSchema,
  }),
  'journal.update': method({
    description: 'Changes what the trader wrote about a trip (notes, tags, rating, plan and review, planned stop or risk, playbook and checklist); only the fields given change, and the previous version is kept.',
    params: z.object({ tripId, patch: tripNotesPatchSchema }).strict(),
    result: tripNotesSchema,
  }),
  'journal.orphans': method({
    description: 'Notes written about trips that no longer exist (a manual trade deleted or re-entered): kept, never dropped.',
    params: noParams,
    result: z.array(tripNotesSchema),
  }),
  'journal.saveTrade': method({
    description: 'Enters a trade by hand (its fills, origin "manual"), or replaces the fills of a manual trade (`tripId`), keeping its notes. Manual fills never change a paper account’s positions or cash.',
    params: z
      .object({
        tripId: tripId.optional(),
        accountId: z.string().min(1).max(64),
        source: sourceSchema.default('manual'),
        symbol: symbolSchema,
        multiplier: z.number().positive().max(10_000).default(1),
        underlying: symbolSchema.nullable().default(null),
        fills: z.array(manualFillSchema).min(1).max(200),
      })
      .strict(),
    result: z.object({ trades: z.array(journalTradeSchema) }),
  }),
  'journal.deleteTrade': method({
    description: 'Deletes a manual or imported trade’s fills (paper and broker fills are the record and stay); its notes are kept (journal.orphans).',
    params: z.object({ tripId }).strict(),
    result: z.object({ deleted: z.number().int() }),
  }),
  'journal.playbooks': method({ description: 'The playbooks: a setup with its rules (archived ones too).', params: noParams, result: z.array(journalPlaybookSchema) }),
  'journal.savePlaybook': method({
    description: 'Creates a playbook, or changes one (`id`); rules keep their ids so checklists keep meaning.',
    params: z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1).max(120),
        description: z.string().max(5_000).default(''),
        rules: z.array(z.object({ id: z.string().min(1).max(64).optional(), text: z.string().trim().min(1).max(500) }).strict()).max(50),
      })
      .strict(),
    result: journalPlaybookSchema,
  }),
  'journal.archivePlaybook': method({
    description: 'Archives a playbook (or brings it back): it leaves the choices, its trades keep their link and checklists.',
    params: z.object({ id: z.string().min(1).max(64), archived: z.boolean().default(true) }).strict(),
    result: journalPlaybookSchema,
  }),
  'journal.stats': method({
    description: 'Statistics of the closed trips that pass the filter: win rate, average win and loss, expectancy, profit factor, average R, streaks; by setup, strategy, tag, playbook, symbol and account, by hour and weekday (New York time for US instruments, UTC for crypto), by holding time; the equity curve and the daily P&L.',
    params: z.object({ filter, calendarZone: zone.default('America/New_York') }).strict(),
    result: journalStatsSchema,
  }),
  'journal.calendar': method({
    description: 'A month of daily P&L (Sunday-first weeks; a trip counts on the day it closed, in `zone`), with each day’s trips.',
    params: z.object({ year: z.number().int().min(1970).max(2099), month: z.number().int().min(1).max(12), zone: zone.default('America/New_York'), filter }).strict(),
    result: monthCalendarSchema,
  }),
  'journal.import': method({
    description: 'Imports executions from CSV (Tradervue generic, or Tapedeck’s own export) into an account, idempotently: the same file again adds nothing. Bad rows are refused by line with the reason, the rest imported; a file without the columns is refused naming them.',
    params: z
      .object({
        csv: z.string().min(1).max(MAX_IMPORT_CSV_CHARS),
        format: z.enum(['tradervue', 'tapedeck']).default('tradervue'),
        /** An account id or name (created when no account has it); default: the active account (Tradervue) or the file's accounts (Tapedeck). */
        account: z.string().trim().min(1).max(64).optional(),
        /** The source Tradervue fills are filed under (their chart's bars). */
        source: sourceSchema.default('csv'),
        /** The zone of Tradervue's Date and Time. */
        zone: zone.default('America/New_York'),
      })
      .strict(),
    result: importResultSchema,
  }),
  'journal.export': method({
    description: 'Exports the filtered journal: executions as Tapedeck CSV (re-importable, byte-equal), round trips as CSV, or a self-contained HTML report with the screenshots inlined.',
    params: z.object({ kind: z.enum(EXPORT_KINDS).default('executions'), filter }).strict(),
    result: exportResultSchema,
  }),
  'journal.media': method({
    description: 'A screenshot’s PNG (base64) by its SHA-256, checked against its hash.',
    params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256') }).strict(),
    result: z.object({ sha256: z.string(), status: z.enum(SHOT_STATUSES), png: z.string().nullable() }),
  }),
  'journal.capture': method({
    description: 'Screenshots the panes now (the hotkey): showing `symbol`, or all; kept with the trip given, or with the trip of that symbol open at the time.',
    params: z.object({ symbol: symbolSchema.optional(), tripId: tripId.optional() }).strict(),
    result: z.object({ shots: z.array(journalShotSchema), note: z.string().nullable() }),
  }),
};

export const journalEvents = {
  'journal.updates': event({
    description: 'The journal changed (a fill, an import, notes, a playbook, a screenshot): the version now, then one per change; read again what you show.',
    params: noParams,
    payload: journalUpdateSchema,
  }),
};
