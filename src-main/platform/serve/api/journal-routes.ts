import type { ApiRoute, RouteInput } from './api-route';

const LISTS = ['accounts', 'symbols', 'tags', 'setups', 'strategies', 'outcomes'] as const;
const FILTER_QUERY = ['from', 'to', 'dateField', ...LISTS];

/** A time in the query: epoch ms ("1710000000000") or ISO 8601 ("2024-03-11", "2024-03-11T13:30:00Z"); anything else is passed on for the contract to refuse. */
function timeOf(v: string): unknown {
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : t;
}

/** The journal filter from the query: from/to, dateField, and comma-separated lists (symbols=SPY,AAPL). */
function filterOf(q: URLSearchParams): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const from = q.get('from');
  const to = q.get('to');
  const dateField = q.get('dateField');
  if (from !== null) filter['from'] = timeOf(from);
  if (to !== null) filter['to'] = timeOf(to);
  if (dateField !== null) filter['dateField'] = dateField;
  for (const name of LISTS) {
    const v = q.get(name);
    if (v !== null) filter[name] = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }
  return filter;
}

function numberOr(v: string | null): unknown {
  if (v === null) return undefined;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

const withFilter = ({ query }: RouteInput, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ filter: filterOf(query), ...extra });

/**
 * The journal as JSON over HTTP (`tapedeck serve`): the same methods as the
 * workstation's Journal tab. Trip ids (rt:…) go in the path as they are.
 */
export const JOURNAL_ROUTES: readonly ApiRoute[] = [
  {
    verb: 'GET',
    path: '/api/journal/trades',
    method: 'journal.trades',
    summary: 'Round trips with their notes and tags, newest first; filter with from, to (ms or ISO), dateField, accounts, symbols, tags, setups, strategies, outcomes (comma lists), limit',
    body: false,
    query: [...FILTER_QUERY, 'limit'],
    params: (input) => withFilter(input, input.query.get('limit') === null ? {} : { limit: numberOr(input.query.get('limit')) }),
  },
  {
    verb: 'POST',
    path: '/api/journal/trades',
    method: 'journal.saveTrade',
    summary: 'Enters a trade by hand: {accountId, symbol, source?, multiplier?, underlying?, fills: [{side, qty, price, fee?, time}]}',
    body: true,
    status: 201,
    params: ({ body, ctx }) => ({ ...body, accountId: body['accountId'] ?? ctx.activeAccountId() ?? undefined }),
  },
  { verb: 'GET', path: '/api/journal/trades/:id', method: 'journal.trade', summary: 'One trade: fills, orders, notes, screenshots (checked), MFE/MAE', body: false, params: ({ path }) => ({ tripId: path['id'] }) },
  {
    verb: 'POST',
    path: '/api/journal/trades/:id',
    method: 'journal.update',
    summary: 'Changes a trade’s notes, tags, rating, plan and review, planned stop or risk, playbook and checklist: {"patch": {...}}',
    body: true,
    params: ({ path, body }) => ({ ...body, tripId: path['id'] }),
  },
  { verb: 'DELETE', path: '/api/journal/trades/:id', method: 'journal.deleteTrade', summary: 'Deletes a manual or imported trade (its notes are kept)', body: false, params: ({ path }) => ({ tripId: path['id'] }) },
  { verb: 'GET', path: '/api/journal/orphans', method: 'journal.orphans', summary: 'Notes of trades that no longer exist', body: false, params: () => ({}) },
  {
    verb: 'GET',
    path: '/api/journal/stats',
    method: 'journal.stats',
    summary: 'Statistics of the filtered closed trades (profit factor "Infinity" with no loser), by setup, tag, hour, weekday, holding time; equity curve and daily P&L',
    body: false,
    query: [...FILTER_QUERY, 'calendarZone'],
    params: (input) => withFilter(input, input.query.get('calendarZone') === null ? {} : { calendarZone: input.query.get('calendarZone') }),
  },
  {
    verb: 'GET',
    path: '/api/journal/calendar',
    method: 'journal.calendar',
    summary: 'A month of daily P&L: year, month (1-12), zone (default America/New_York)',
    body: false,
    query: [...FILTER_QUERY, 'year', 'month', 'zone'],
    params: (input) => {
      const q = input.query;
      return withFilter(input, { year: numberOr(q.get('year')), month: numberOr(q.get('month')), ...(q.get('zone') === null ? {} : { zone: q.get('zone') }) });
    },
  },
  {
    verb: 'POST',
    path: '/api/journal/import',
    method: 'journal.import',
    summary: 'Imports executions from CSV text: {csv, format: tradervue|tapedeck, account?, source?, zone?}; idempotent, bad rows listed by line (bodies up to 64 KiB: larger files with `tapedeck journal import`)',
    body: true,
    params: ({ body }) => body,
  },
  {
    verb: 'GET',
    path: '/api/journal/export',
    method: 'journal.export',
    summary: 'Exports the filtered journal: kind=executions (re-importable CSV), trips (CSV) or html (a self-contained report), as {fileName, mime, text}',
    body: false,
    query: [...FILTER_QUERY, 'kind'],
    params: (input) => withFilter(input, input.query.get('kind') === null ? {} : { kind: input.query.get('kind') }),
  },
  { verb: 'GET', path: '/api/journal/playbooks', method: 'journal.playbooks', summary: 'The playbooks with their rules', body: false, params: () => ({}) },
  { verb: 'POST', path: '/api/journal/playbooks', method: 'journal.savePlaybook', summary: 'Creates or changes a playbook: {id?, name, description?, rules: [{id?, text}]}', body: true, params: ({ body }) => body },
  { verb: 'GET', path: '/api/journal/media/:hash', method: 'journal.media', summary: 'A screenshot (base64 PNG) by its SHA-256, with its status', body: false, params: ({ path }) => ({ sha256: path['hash'] }) },
  { verb: 'POST', path: '/api/journal/capture', method: 'journal.capture', summary: 'Screenshots the open workstation’s panes now: {symbol?, tripId?}', body: true, params: ({ body }) => body },
];
