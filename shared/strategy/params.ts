import type { ParamSpec, ParamValue, StrategyParams, StrategyParamsResult } from './strategy';

/**
 * The one parameter checker every strategy uses: it fills defaults, refuses
 * unknown names, wrong types, non-integers for `int`, non-finite numbers,
 * values outside [min, max], a `choice` not among its choices and a `string`
 * outside 1 to 64 characters, then runs the strategy's own cross-field rule.
 * The result is all or nothing: a refused set is never half-applied.
 */

/** A refusal that names the parameter at fault. */
export interface ParamProblem {
  readonly field: string;
  readonly message: string;
}

/** A strategy's cross-field rule (e.g. slow > fast), run on an already type- and range-checked set. */
export type ParamRule = (params: StrategyParams) => ParamProblem | null;

export function intParam(name: string, description: string, def: number, min: number, max: number, step = 1): ParamSpec {
  return { name, description, type: 'int', default: def, min, max, step };
}

export function numberParam(name: string, description: string, def: number, min: number, max: number, step: number): ParamSpec {
  return { name, description, type: 'number', default: def, min, max, step };
}

export function boolParam(name: string, description: string, def: boolean): ParamSpec {
  return { name, description, type: 'boolean', default: def };
}

/** One of a fixed list of words; `def` must be one of them. */
export function choiceParam<const C extends readonly string[]>(name: string, description: string, def: C[number], choices: C): ParamSpec {
  return { name, description, type: 'choice', default: def, choices };
}

/** Free text (a name), 1 to 64 characters. */
export function stringParam(name: string, description: string, def: string): ParamSpec {
  return { name, description, type: 'string', default: def };
}

/** The longest text a `string` parameter takes. */
export const MAX_STRING_PARAM = 64;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeof value;
}

function checkValue(spec: ParamSpec, value: unknown): string | null {
  const got = ` (got ${describe(value)})`;
  if (spec.type === 'boolean') return typeof value === 'boolean' ? null : `${spec.name} must be true or false${got}`;
  if (spec.type === 'choice') {
    const choices = spec.choices ?? [];
    return typeof value === 'string' && choices.includes(value) ? null : `${spec.name} must be one of ${choices.join(', ')}${got}`;
  }
  if (spec.type === 'string') {
    if (typeof value !== 'string') return `${spec.name} must be text${got}`;
    return value.length >= 1 && value.length <= MAX_STRING_PARAM ? null : `${spec.name} must be 1 to ${String(MAX_STRING_PARAM)} characters${got}`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.name} must be a finite number${got}`;
  if (spec.type === 'int' && !Number.isInteger(value)) return `${spec.name} must be an integer${got}`;
  const min = spec.min ?? Number.NEGATIVE_INFINITY;
  const max = spec.max ?? Number.POSITIVE_INFINITY;
  if (value < min || value > max) return `${spec.name} must be between ${String(min)} and ${String(max)}${got}`;
  return null;
}

/** Resolves `input` against `specs`: defaults for what is missing (or `undefined`), then every check, then `rule`. */
export function resolveParamSet(specs: readonly ParamSpec[], input: Readonly<Record<string, unknown>>, rule?: ParamRule): StrategyParamsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, field: '', message: 'parameters must be an object of name: value' };
  }
  const known = new Map(specs.map((s) => [s.name, s]));
  for (const name of Object.keys(input)) {
    if (!known.has(name)) {
      return { ok: false, field: name, message: `unknown parameter ${JSON.stringify(name)} (known: ${[...known.keys()].join(', ')})` };
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const given = Object.hasOwn(input, spec.name) ? input[spec.name] : undefined;
    const value = given === undefined ? spec.default : given;
    const problem = checkValue(spec, value);
    if (problem !== null) return { ok: false, field: spec.name, message: problem };
    out[spec.name] = value as ParamValue;
  }
  const params: StrategyParams = Object.freeze(out);
  const crossProblem = rule?.(params) ?? null;
  return crossProblem === null ? { ok: true, params } : { ok: false, ...crossProblem };
}

/**
 * For `create()`: resolves (so a partial set gets its defaults) and throws when
 * the set is refused, naming the strategy and the field.
 */
export function resolveOrThrow(strategyId: string, specs: readonly ParamSpec[], input: StrategyParams, rule?: ParamRule): StrategyParams {
  const result = resolveParamSet(specs, input, rule);
  if (!result.ok) throw new Error(`${strategyId}: bad parameter ${result.field}: ${result.message}`);
  return result.params;
}

/** Reads a number from a resolved set (throws if the strategy asks for a name it never declared). */
export function readNumber(params: StrategyParams, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new Error(`parameter ${name} is not a number`);
  return v;
}

export function readBoolean(params: StrategyParams, name: string): boolean {
  const v = params[name];
  if (typeof v !== 'boolean') throw new Error(`parameter ${name} is not a boolean`);
  return v;
}

export function readString(params: StrategyParams, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new Error(`parameter ${name} is not text`);
  return v;
}

/** Reads a `choice` as its literal type (throws when the value is not one of `choices`). */
export function readChoice<const C extends readonly string[]>(params: StrategyParams, name: string, choices: C): C[number] {
  const v = readString(params, name);
  const found = choices.find((c) => c === v);
  if (found === undefined) throw new Error(`parameter ${name} is not one of ${choices.join(', ')}`);
  return found;
}

/** A rule refusing two flags that exclude each other (the second is named). */
export function notBoth(first: string, second: string): ParamRule {
  return (p) => (readBoolean(p, first) && readBoolean(p, second) ? { field: second, message: `${first} and ${second} cannot both be on` } : null);
}

/** The usual cross-field rule of a crossover: the slow period must be longer than the fast one. */
export function slowAboveFast(fast: string, slow: string): ParamRule {
  return (p) => {
    const f = readNumber(p, fast);
    const s = readNumber(p, slow);
    return s > f ? null : { field: slow, message: `${slow} (${String(s)}) must be greater than ${fast} (${String(f)})` };
  };
}

/** Runs rules in order and returns the first problem. */
export function allRules(...rules: readonly ParamRule[]): ParamRule {
  return (p) => {
    for (const rule of rules) {
      const problem = rule(p);
      if (problem !== null) return problem;
    }
    return null;
  };
}
