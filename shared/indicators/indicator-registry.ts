import { adx } from './adx';
import { atr } from './atr';
import { bollinger } from './bollinger';
import { cmf } from './cmf';
import { ema } from './ema';
import { MAX_PERIOD } from './indicator-args';
import { macd } from './macd';
import { obv } from './obv';
import { rsi } from './rsi';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { vwap } from './vwap';
import { wma } from './wma';

/**
 * Indicators by spec string, for the CLI (`tapedeck indicators --ind …`), the
 * gym and anything else that takes indicators as text.
 *
 * Grammar: `name[:p1,p2,…][.output]`, e.g. `sma:20`, `rsi` (default 14),
 * `macd:12,26,9`, `bb:20,2.5`, `macd:12,26,9.signal`. Names and outputs are
 * case-insensitive; missing trailing parameters take their defaults. Each
 * series is named by the canonical spec (`rsi` → `rsi:14`), and a multi-output
 * indicator's series add `.output` (`macd:12,26,9.signal`). Selecting an output
 * gives only that series.
 */

/** The bar columns an indicator reads (BarColumns fits). */
export interface IndicatorColumns {
  readonly time: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
  readonly volume: ArrayLike<number>;
}

export interface IndicatorSeries {
  /** e.g. `sma:20`, `macd:12,26,9.signal`. */
  readonly name: string;
  /** One value per bar, NaN during warm-up. */
  readonly values: Float64Array;
}

interface ParamDef {
  readonly name: string;
  /** 'period': an integer from `min` to MAX_PERIOD; 'factor': a finite decimal >= 0. */
  readonly type: 'period' | 'factor';
  readonly fallback: number;
  readonly min: number;
}

interface IndicatorDef {
  readonly params: readonly ParamDef[];
  /** Output names for a multi-output indicator, in the order `compute` returns them; empty for one output. */
  readonly outputs: readonly string[];
  compute(p: readonly number[], c: IndicatorColumns, sessionKey: ArrayLike<number>): Float64Array[];
}

const period = (name: string, fallback: number, min = 1): ParamDef => ({ name, type: 'period', fallback, min });
const at = (p: readonly number[], i: number): number => p[i] ?? Number.NaN;

const DEFS = {
  sma: { params: [period('period', 20)], outputs: [], compute: (p, c) => [sma(c.close, at(p, 0))] },
  ema: { params: [period('period', 20)], outputs: [], compute: (p, c) => [ema(c.close, at(p, 0))] },
  wma: { params: [period('period', 20)], outputs: [], compute: (p, c) => [wma(c.close, at(p, 0))] },
  rsi: { params: [period('period', 14, 2)], outputs: [], compute: (p, c) => [rsi(c.close, at(p, 0))] },
  atr: { params: [period('period', 14)], outputs: [], compute: (p, c) => [atr(c.high, c.low, c.close, at(p, 0))] },
  adx: { params: [period('period', 14, 2)], outputs: [], compute: (p, c) => [adx(c.high, c.low, c.close, at(p, 0))] },
  cmf: { params: [period('period', 20)], outputs: [], compute: (p, c) => [cmf(c.high, c.low, c.close, c.volume, at(p, 0))] },
  obv: { params: [], outputs: [], compute: (_p, c) => [obv(c.close, c.volume)] },
  vwap: { params: [], outputs: [], compute: (_p, c, keys) => [vwap(c.high, c.low, c.close, c.volume, keys)] },
  macd: {
    params: [period('fast', 12), period('slow', 26), period('signal', 9)],
    outputs: ['macd', 'signal', 'histogram'],
    compute: (p, c) => {
      const m = macd(c.close, at(p, 0), at(p, 1), at(p, 2));
      return [m.macd, m.signal, m.histogram];
    },
  },
  bb: {
    params: [period('period', 20), { name: 'k', type: 'factor', fallback: 2, min: 0 }],
    outputs: ['upper', 'middle', 'lower'],
    compute: (p, c) => {
      const b = bollinger(c.close, at(p, 0), at(p, 1));
      return [b.upper, b.middle, b.lower];
    },
  },
  stoch: {
    params: [period('kPeriod', 14), period('kSmooth', 3), period('dPeriod', 3)],
    outputs: ['k', 'd'],
    compute: (p, c) => {
      const s = stochastic(c.high, c.low, c.close, at(p, 0), at(p, 1), at(p, 2));
      return [s.k, s.d];
    },
  },
} satisfies Record<string, IndicatorDef>;

export type IndicatorKind = keyof typeof DEFS;

/** A parsed spec: what `computeIndicator` takes. */
export interface IndicatorSpec {
  readonly kind: IndicatorKind;
  /** Every parameter, defaults filled in, in the grammar's order. */
  readonly params: readonly number[];
  /** The one output asked for (`.signal`), or null for all of them. */
  readonly output: string | null;
  /** Canonical text, e.g. `macd:12,26,9` (without the output). */
  readonly name: string;
}

export type ParsedIndicatorSpec = { readonly ok: true; readonly spec: IndicatorSpec } | { readonly ok: false; readonly message: string };

export const INDICATOR_KINDS: readonly IndicatorKind[] = Object.keys(DEFS) as IndicatorKind[];

function isKind(name: string): name is IndicatorKind {
  return Object.hasOwn(DEFS, name);
}

const PERIOD_TEXT = /^\d+$/;
const FACTOR_TEXT = /^(\d+(\.\d*)?|\.\d+)$/;

function parseParam(def: ParamDef, text: string): number | string {
  if (def.type === 'period') {
    const v = PERIOD_TEXT.test(text) ? Number(text) : Number.NaN;
    if (!(v >= def.min && v <= MAX_PERIOD)) return `${def.name} must be an integer from ${String(def.min)} to ${String(MAX_PERIOD)}, got '${text}'`;
    return v;
  }
  const v = FACTOR_TEXT.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(v)) return `${def.name} must be a number >= 0, got '${text}'`;
  return v;
}

/** Parses `name[:p1,p2,…][.output]`; a failure's message names the bad part. */
export function parseIndicatorSpec(text: string): ParsedIndicatorSpec {
  const fail = (why: string): ParsedIndicatorSpec => ({ ok: false, message: `'${text}': ${why}` });
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'empty indicator spec (expected e.g. sma:20)' };
  const selector = /^(.*)\.([A-Za-z]+)$/.exec(trimmed);
  const body = selector?.[1] ?? trimmed;
  const output = selector?.[2]?.toLowerCase() ?? null;
  const colon = body.indexOf(':');
  const name = (colon < 0 ? body : body.slice(0, colon)).trim().toLowerCase();
  if (!isKind(name)) return fail(`unknown indicator '${name}' (expected one of ${INDICATOR_KINDS.join(', ')})`);
  const def: IndicatorDef = DEFS[name];
  const texts = colon < 0 ? [] : body.slice(colon + 1).split(',').map((s) => s.trim());
  const names = def.params.map((p) => p.name).join(',');
  if (def.params.length === 0 && colon >= 0) return fail(`${name} takes no parameters`);
  if (texts.length > def.params.length) {
    return fail(`${name} takes at most ${String(def.params.length)} parameter${def.params.length === 1 ? '' : 's'} (${names}), got ${String(texts.length)}`);
  }
  const params: number[] = [];
  for (const [i, p] of def.params.entries()) {
    const t = texts[i];
    if (t === undefined) {
      params.push(p.fallback);
      continue;
    }
    if (t === '') return fail(`${p.name} is empty (${name}:${names})`);
    const v = parseParam(p, t);
    if (typeof v === 'string') return fail(v);
    params.push(v);
  }
  if (output !== null) {
    if (def.outputs.length === 0) return fail(`${name} has a single output, no '.${output}'`);
    if (!def.outputs.includes(output)) return fail(`unknown output '${output}' (${name} has ${def.outputs.join(', ')})`);
  }
  const canonical = params.length === 0 ? name : `${name}:${params.map(String).join(',')}`;
  return { ok: true, spec: { kind: name, params, output, name: canonical } };
}

/**
 * Computes one spec over the columns: one series per output (or the selected
 * one). `sessionKey[i]` is bar i's session for VWAP (e.g. from `sessionKeys`
 * in shared/market/session-date.ts); without it VWAP is anchored at the first
 * bar. A spec given as text is parsed first. Throws a RangeError for an
 * invalid spec or inputs of different lengths.
 */
export function computeIndicator(spec: IndicatorSpec | string, columns: IndicatorColumns, sessionKey?: ArrayLike<number>): IndicatorSeries[] {
  let s: IndicatorSpec;
  if (typeof spec === 'string') {
    const parsed = parseIndicatorSpec(spec);
    if (!parsed.ok) throw new RangeError(parsed.message);
    s = parsed.spec;
  } else {
    s = spec;
  }
  const def: IndicatorDef = DEFS[s.kind];
  const values = def.compute(s.params, columns, sessionKey ?? new Float64Array(columns.close.length));
  if (def.outputs.length === 0) return values.map((v) => ({ name: s.name, values: v }));
  const series = def.outputs.map((output, i) => ({ name: `${s.name}.${output}`, values: values[i] ?? new Float64Array(0) }));
  return s.output === null ? series : series.filter((x) => x.name === `${s.name}.${s.output ?? ''}`);
}
