import { z } from 'zod';
import { BUILTIN_SCHEDULES, type MarkerSchedule } from '../../../../shared/strategy/marker-schedule';
import { scheduleSummary } from '../../../../shared/strategy/marker-schedule-summary';
import { formatMarkerTime, nextMarkers } from '../../../../shared/strategy/next-markers';
import { EXIT } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { openStoredSchedules } from './markers-settings';

const flagsSchema = z
  .object({
    json: z.boolean().default(false),
    'data-dir': z.string().min(1).optional(),
  })
  .strict();

/** How many upcoming markers `--json` gives (the table shows the first). */
const NEXT_COUNT = 3;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '));
}

export const markersListCommand: Command = {
  name: 'list',
  summary: 'every marker schedule: the built-in ones and yours',
  help: `Usage: tapedeck markers list [--json] [--data-dir DIR]

Lists every marker schedule a time-window run can name (--param schedule=NAME):
the built-in ones, then yours (stored in the data directory's settings, the
ones the app's Backtests > Markers pane edits), each with its kind, a summary
and its next marker (New York time, NYSE sessions).

Options:
  --json          one JSON array: {name, builtin, kind, summary, next, schedule} per
                  schedule; next holds the next ${String(NEXT_COUNT)} markers as ISO UTC instants
  --data-dir DIR  the store's directory (default $TAPEDECK_DATA_DIR, else ~/.tapedeck)`,

  run(args, io) {
    const parsed = parseFlags(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, flagsSchema);
    if (parsed.help) {
      io.out(this.help);
      return Promise.resolve(EXIT.ok);
    }
    const f = parsed.values;
    const store = openStoredSchedules(f['data-dir'], io);
    let user: readonly MarkerSchedule[] = [];
    try {
      user = store?.list() ?? [];
    } finally {
      store?.close();
    }
    const now = Date.now();
    const all = [...BUILTIN_SCHEDULES.map((s) => ({ s, builtin: true })), ...user.map((s) => ({ s, builtin: false }))];
    if (f.json) {
      const out = all.map(({ s, builtin }) => ({
        name: s.name,
        builtin,
        kind: s.kind,
        summary: scheduleSummary(s),
        next: nextMarkers(s, now, NEXT_COUNT).map((t) => new Date(t).toISOString()),
        schedule: s,
      }));
      io.out(JSON.stringify(out));
      return Promise.resolve(EXIT.ok);
    }
    const rows = all.map(({ s, builtin }) => {
      const next = nextMarkers(s, now, 1)[0];
      return [s.name, builtin ? 'built-in' : 'user', s.kind, scheduleSummary(s), next === undefined ? 'none ahead' : formatMarkerTime(next)];
    });
    for (const line of table([['NAME', 'SOURCE', 'KIND', 'SCHEDULE', 'NEXT MARKER'], ...rows])) io.out(line);
    return Promise.resolve(EXIT.ok);
  },
};
