import { csvField } from '../trading/audit-csv';
import { currencyDecimals, roundMoney } from '../trading/fees';
import type { RoundTrip } from './round-trips';
import type { TripMeta } from './trip-filter';

/**
 * The round trips as a CSV report, for a spreadsheet: a presentation edge,
 * so money (gross, fees, net, risk) is rounded here to the currency's unit
 * (cents for USD, 8 places for USDT: shared/trading/fees.ts) and written with
 * that many places; prices and quantities are written as computed (12
 * significant digits), R with 2 places, times as ISO-8601 UTC. Setup,
 * strategy, tags (joined with "; ") and notes come from the journal's meta,
 * quoted per RFC 4180 when they hold commas, quotes or line breaks.
 *
 * It is a report, not an import format: round trips are derived from
 * executions, so what re-imports is the executions export (tapedeck-csv.ts);
 * reading trips back would let them disagree with their fills.
 */
export const ROUND_TRIP_COLUMNS = [
  'id',
  'account',
  'source',
  'symbol',
  'underlying',
  'side',
  'status',
  'openedAt',
  'closedAt',
  'durationSec',
  'maxQty',
  'entryQty',
  'exitQty',
  'openQty',
  'avgEntry',
  'avgExit',
  'multiplier',
  'grossPnl',
  'fees',
  'netPnl',
  'risk',
  'r',
  'executions',
  'setup',
  'strategy',
  'tags',
  'notes',
] as const;

export interface RoundTripsCsvOptions {
  /** The currency of a trip's P&L (default USD: 2 places). */
  readonly currencyOf?: (trip: RoundTrip) => string;
  readonly meta?: ReadonlyMap<string, TripMeta>;
}

function money(x: number, currency: string): string {
  return roundMoney(x, currency).toFixed(currencyDecimals(currency));
}

function iso(t: number | null): string {
  return t === null ? '' : new Date(t).toISOString();
}

export function formatRoundTripsCsv(trips: readonly RoundTrip[], options: RoundTripsCsvOptions = {}): string {
  const lines = [ROUND_TRIP_COLUMNS.join(',')];
  for (const t of trips) {
    const currency = options.currencyOf?.(t) ?? 'USD';
    const m = options.meta?.get(t.id);
    const cells: Record<(typeof ROUND_TRIP_COLUMNS)[number], string> = {
      id: t.id,
      account: t.accountId,
      source: t.source,
      symbol: t.symbol,
      underlying: t.underlying ?? '',
      side: t.side,
      status: t.open ? 'open' : 'closed',
      openedAt: iso(t.openedAt),
      closedAt: iso(t.closedAt),
      durationSec: t.durationMs === null ? '' : String(t.durationMs / 1000),
      maxQty: String(t.maxQty),
      entryQty: String(t.entryQty),
      exitQty: String(t.exitQty),
      openQty: String(t.openQty),
      avgEntry: String(t.avgEntry),
      avgExit: t.avgExit === null ? '' : String(t.avgExit),
      multiplier: String(t.multiplier),
      grossPnl: money(t.grossPnl, currency),
      fees: money(t.fees, currency),
      netPnl: money(t.netPnl, currency),
      risk: t.risk === null ? '' : money(t.risk, currency),
      r: t.r === null ? '' : t.r.toFixed(2),
      executions: String(t.executionIds.length),
      setup: m?.setup ?? '',
      strategy: m?.strategy ?? '',
      tags: (m?.tags ?? []).join('; '),
      notes: m?.notes ?? '',
    };
    lines.push(ROUND_TRIP_COLUMNS.map((c) => csvField(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
