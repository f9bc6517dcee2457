import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { StrategyParams } from '../../../../shared/strategy/strategy';
import { expandGrid, parseSweep, type ParamRange } from '../../../research/optimize/param-grid';
import { heatmapOf, isMetric, rankEvaluations, RANKABLE_METRICS, type Metric } from '../../../research/optimize/rank-evaluations';
import type { Evaluation } from '../../../research/optimize/evaluate-params';
import { walkForward, type WalkForwardReport } from '../../../research/optimize/walk-forward';
import { parseWalkForward, walkForwardWindows } from '../../../research/optimize/walk-forward-windows';
import { EvaluationPool } from '../../../research/optimize/worker-pool';
import { EXIT, UsageError } from '../cli-io';
import type { Command } from '../command';
import { parseFlags } from '../parse-flags';
import { checkpoint, untilStopped } from '../stop';
import { COST_FLAG_OPTIONS, COST_FLAGS_HELP, costFlagsShape, createStrategy, resolveStrategy, runSetup, statsTable } from './backtest-command';
import { DATA_FLAG_OPTIONS, DATA_FLAGS_HELP, dataFlagsShape, loadDataFlags } from './backtest-data-flags';
import { userSchedulesFor } from './marker-schedules-flag';

const flagsSchema = z
  .object({
    ...dataFlagsShape,
    ...costFlagsShape,
    range: z.array(z.string()).min(1, 'give at least one --range name=start:stop:step'),
    metric: z.string().default('sharpe'),
    'walk-forward': z.string().optional(),
    folds: z.coerce.number().int().min(1).max(50).default(5),
    threads: z.coerce.number().int().min(1).max(256).optional(),
    top: z.coerce.number().int().min(1).default(20),
    json: z.boolean().default(false),
  })
  .strict();

function showParams(p: StrategyParams, ranges: readonly ParamRange[]): string {
  return ranges.map((r) => `${r.name}=${String(p[r.name])}`).join(' ');
}

function showValue(v: number | null): string {
  return v === null ? '—' : v.toFixed(4);
}

export const optimizeCommand: Command = {
  name: 'optimize',
  summary: 'grid-search strategy parameters on all cores, ranked by a statistic; optional walk-forward',
  help: `Usage: tapedeck optimize (--csv FILE | --source ...) --strategy NAME --range fast=5:50:5 --range slow=20:200:10 [--metric sharpe] [--walk-forward IS:OOS [--folds 5]] [--threads N] [--top 20] [--json]

Backtests every combination of the ranges (worker threads on every core) and
ranks them by --metric, best first; sets the strategy refuses (slow <= fast)
are counted and skipped. With two ranges the JSON carries a heatmap table.
--walk-forward 4:1 rolls --folds windows over the data: optimise on each
in-sample window, then test the winner on the out-of-sample bars after it,
and reports what those out-of-sample runs made, so overfitting shows.

${DATA_FLAGS_HELP}

${COST_FLAGS_HELP}

Optimisation:
  --range NAME=START:STOP[:STEP] | NAME=V1,V2,...   a swept numeric parameter, repeatable
                      (a flag, a choice or a text is fixed with --param instead)
  --metric NAME       one of ${RANKABLE_METRICS.join(', ')} (default sharpe)
  --walk-forward IS:OOS  in-sample : out-of-sample lengths, e.g. 4:1
  --folds N           walk-forward folds (default 5)
  --threads N         worker threads (default: every core)
  --top N             rows shown (default 20)
  --json              one JSON object {metric, total, skipped, rows, heatmap, walkForward}`,

  async run(args, io) {
    const parsed = parseFlags(
      args,
      {
        ...DATA_FLAG_OPTIONS,
        ...COST_FLAG_OPTIONS,
        range: { type: 'string', multiple: true },
        metric: { type: 'string' },
        'walk-forward': { type: 'string' },
        folds: { type: 'string' },
        threads: { type: 'string' },
        top: { type: 'string' },
        json: { type: 'boolean' },
      },
      flagsSchema,
    );
    if (parsed.help) {
      io.out(this.help);
      return EXIT.ok;
    }
    const f = parsed.values;
    if (!isMetric(f.metric)) throw new UsageError(`--metric: "${f.metric}" is not one of ${RANKABLE_METRICS.join(', ')}`);
    const metric: Metric = f.metric;
    const { def, input: base, params: baseParams } = resolveStrategy(f.strategy, f.param);
    const ranges = f.range.map((text) => {
      const r = parseSweep(text, def.params);
      if (!r.ok) throw new UsageError(`--range ${r.message}`);
      return r.range;
    });
    const wf = f['walk-forward'] === undefined ? undefined : parseWalkForward(f['walk-forward']);
    if (typeof wf === 'string') throw new UsageError(`--walk-forward: ${wf}`);
    let grid: StrategyParams[];
    try {
      grid = expandGrid(ranges, base);
    } catch (err) {
      throw new UsageError(`--range: ${err instanceof Error ? err.message : String(err)}`);
    }
    const data = await loadDataFlags(f, io);
    await checkpoint(io.stop);
    const { setup, config } = runSetup(f, data, def, userSchedulesFor(baseParams, f['data-dir'], io));
    // A setup the strategy refuses (ORB on daily bars) is refused once, before any thread starts.
    createStrategy(def, baseParams, setup);
    const job = { strategy: def.id, setup, config };
    const windows = wf === undefined ? null : windowsOrThrow(data.columns.length, wf, f.folds);
    const pool = new EvaluationPool(job, f.threads ?? availableParallelism(), io.optimizeWorker);
    const threads = pool.threads;
    let evaluations: Evaluation[];
    let walk: WalkForwardReport | null = null;
    try {
      // A stop ends the wait; closing the pool then ends the workers.
      evaluations = await untilStopped(io.stop, pool.evaluate(data.columns, grid));
      if (windows !== null) walk = await untilStopped(io.stop, walkForward(data.columns, windows, grid, metric, job, (bars, sets) => pool.evaluate(bars, sets)));
    } finally {
      await pool.close();
    }
    const rows = rankEvaluations(evaluations, metric);
    const skipped = evaluations.filter((e) => !e.ok);
    const [rx, ry] = ranges;
    const heatmap = ranges.length === 2 && rx !== undefined && ry !== undefined ? heatmapOf(rows, rx.name, ry.name, rx.values, ry.values) : null;

    if (f.json) {
      io.out(JSON.stringify({ strategy: def.id, metric, total: grid.length, skipped: skipped.length, rows: rows.slice(0, f.top), heatmap, walkForward: walk }));
      return EXIT.ok;
    }
    io.out(`${def.id} on ${data.label}: ${String(grid.length)} parameter sets (${String(skipped.length)} refused by the strategy), ${String(threads)} thread(s), ranked by ${metric}`);
    io.out(['rank', metric, 'returnPct', 'maxDrawdownPct', 'trades', 'params'].join('\t'));
    for (const r of rows.slice(0, f.top)) {
      io.out([String(r.rank), showValue(r.value), showValue(r.stats.returnPct), showValue(r.stats.maxDrawdownPct), String(r.stats.trades), showParams(r.params, ranges)].join('\t'));
    }
    const best = rows[0];
    if (best !== undefined) {
      io.out('');
      io.out(`best: ${showParams(best.params, ranges)}`);
      for (const line of statsTable(best.stats)) io.out(`  ${line}`);
    }
    if (walk !== null) {
      io.out('');
      io.out(`walk-forward ${f['walk-forward'] ?? ''} over ${String(walk.folds.length)} folds: out-of-sample return ${walk.oosReturnPct.toFixed(2)}% vs in-sample ${walk.isReturnPct.toFixed(2)}% at the winners' in-sample rate over the same bars (${String(walk.oosTrades)} out-of-sample trades${walk.failedFolds > 0 ? `, ${String(walk.failedFolds)} fold(s) without a result left out` : ''})`);
      for (const fold of walk.folds) {
        const p = fold.params === null ? '(nothing ran)' : showParams(fold.params, ranges);
        io.out(`  bars ${String(fold.window.isStart)}-${String(fold.window.isEnd)} → ${String(fold.window.oosEnd)}: ${p}; in-sample ${metric} ${showValue(fold.inSample)}, out-of-sample return ${showValue(fold.outOfSample?.returnPct ?? null)}%`);
      }
    }
    return EXIT.ok;
  },
};

function windowsOrThrow(bars: number, wf: { inSample: number; outOfSample: number }, folds: number): ReturnType<typeof walkForwardWindows> {
  try {
    return walkForwardWindows(bars, wf.inSample, wf.outOfSample, folds);
  } catch (err) {
    throw new UsageError(`--walk-forward: ${err instanceof Error ? err.message : String(err)}`);
  }
}
