import type { ParamSpec, ParamValue, StrategyParams } from '../../../../shared/strategy/strategy';
import { UsageError } from '../cli-io';

/**
 * `--param fast=10 --param stop=opposite --param longOnly=true` → a parameter
 * set, read by each parameter's type: numbers for `int` / `number`,
 * true/false for `boolean`, the text itself for `choice` / `string`. A name
 * the strategy does not have is read as a number or true/false when it looks
 * like one, else as text (the strategy then refuses it, naming it).
 */
export function parseParamFlags(params: readonly string[], specs: readonly ParamSpec[]): StrategyParams {
  const out: Record<string, ParamValue> = {};
  for (const p of params) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: "${p}" is not name=value`);
    const name = p.slice(0, eq).trim();
    const raw = p.slice(eq + 1).trim();
    const type = specs.find((s) => s.name === name)?.type;
    const looksBoolean = raw === 'true' || raw === 'false';
    const looksNumber = raw !== '' && Number.isFinite(Number(raw));
    if (type === 'choice' || type === 'string') out[name] = raw;
    else if (type === 'boolean' || (type === undefined && looksBoolean)) {
      if (!looksBoolean) throw new UsageError(`--param ${name}: "${raw}" is not true or false`);
      out[name] = raw === 'true';
    } else if (looksNumber) out[name] = Number(raw);
    else if (type === undefined) out[name] = raw;
    else throw new UsageError(`--param ${name}: "${raw}" is not a number`);
  }
  return out;
}
