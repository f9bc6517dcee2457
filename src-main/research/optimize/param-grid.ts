import type { ParamSpec, StrategyParams } from '../../../shared/strategy/strategy';

/** One swept parameter: `name=start:stop:step` (inclusive), or `name=v1,v2,...`. */
export interface ParamRange {
  readonly name: string;
  readonly values: readonly number[];
}

/** The largest grid one optimisation may run (a typo in a step must not start a week-long job). */
export const MAX_GRID_SIZE = 100_000;

export type ParseRangeResult = { readonly ok: true; readonly range: ParamRange } | { readonly ok: false; readonly message: string };

/**
 * Parses `fast=5:50:5` (5, 10, ..., 50) or `fast=5,8,13`. Values are rounded to
 * 1e-10 so that a fractional step does not leave 0.30000000000000004 behind.
 */
export function parseParamRange(text: string): ParseRangeResult {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, message: `"${text}" is not name=start:stop:step or name=v1,v2,...` };
  const name = text.slice(0, eq).trim();
  const body = text.slice(eq + 1).trim();
  const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
  if (body.includes(':')) {
    const parts = body.split(':').map(num);
    const [start, stop, step = 1] = parts;
    if (parts.length > 3 || start === undefined || stop === undefined || parts.some((p) => !Number.isFinite(p))) {
      return { ok: false, message: `${name}: "${body}" is not start:stop[:step] with numbers` };
    }
    if (step <= 0) return { ok: false, message: `${name}: the step must be positive` };
    if (stop < start) return { ok: false, message: `${name}: stop ${String(stop)} is below start ${String(start)}` };
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > MAX_GRID_SIZE) return { ok: false, message: `${name}: ${String(count)} values is too many` };
    const values = Array.from({ length: count }, (_, i) => Math.round((start + i * step) * 1e10) / 1e10);
    return { ok: true, range: { name, values } };
  }
  const values = body.split(',').map(num);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return { ok: false, message: `${name}: "${body}" is not a list of numbers` };
  return { ok: true, range: { name, values: [...new Set(values)] } };
}

/**
 * Every combination of the swept values (the first range varies slowest), each
 * on top of `base`. Booleans cannot be swept by range; they stay as in `base`.
 */
export function expandGrid(ranges: readonly ParamRange[], base: StrategyParams): StrategyParams[] {
  const size = ranges.reduce((n, r) => n * r.values.length, 1);
  if (size > MAX_GRID_SIZE) throw new RangeError(`the grid has ${String(size)} parameter sets; at most ${String(MAX_GRID_SIZE)}`);
  let grid: StrategyParams[] = [{ ...base }];
  for (const range of ranges) {
    const next: StrategyParams[] = [];
    for (const partial of grid) for (const v of range.values) next.push({ ...partial, [range.name]: v });
    grid = next;
  }
  return grid;
}

/**
 * A swept name the strategy does not have, or one that is not a number (a
 * boolean, a choice, a text: give it a fixed value with --param instead):
 * the message naming it, else null.
 */
export function sweepNameError(name: string, specs: readonly ParamSpec[]): string | null {
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined) return `${name}: not a parameter of this strategy (it has ${specs.map((s) => s.name).join(', ')})`;
  switch (spec.type) {
    case 'int':
    case 'number':
      return null;
    case 'boolean':
      return `${name}: a boolean cannot be swept by a range`;
    case 'choice':
      return `${name}: a choice (${(spec.choices ?? []).join(', ')}) cannot be swept by a range; give it a fixed value with --param ${name}=...`;
    case 'string':
      return `${name}: a text parameter cannot be swept by a range; give it a fixed value with --param ${name}=...`;
  }
}

/** A swept name the strategy does not have, or one that is not a number: the message naming it, else null. */
export function rangeError(range: ParamRange, specs: readonly ParamSpec[]): string | null {
  return sweepNameError(range.name, specs);
}

/** `--range` text checked against the strategy's parameters: the parameter first (a choice is refused as such), then the values. */
export function parseSweep(text: string, specs: readonly ParamSpec[]): ParseRangeResult {
  const eq = text.indexOf('=');
  const bad = eq > 0 ? sweepNameError(text.slice(0, eq).trim(), specs) : null;
  if (bad !== null) return { ok: false, message: bad };
  const parsed = parseParamRange(text);
  if (!parsed.ok) return parsed;
  const error = rangeError(parsed.range, specs);
  return error === null ? parsed : { ok: false, message: error };
}
