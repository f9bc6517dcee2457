import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { parseAt } from '../../../shared/contract';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags strictly (an unknown flag or a missing value is a
 * usage error) and then validates the values with the command's zod schema,
 * so a bad value names its flag: "--port: ...".
 */
export function parseFlags<S extends z.ZodType>(
  args: readonly string[],
  options: Options,
  schema: S,
): { values: z.output<S>; help: boolean } {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    // node's messages run on with advice about positionals; keep the first sentence.
    const message = err instanceof Error ? (err.message.split(/\.\s/)[0] ?? err.message) : 'bad arguments';
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)} (see --help)`);
  }
  if (values.help === true) return { values: undefined as z.output<S>, help: true };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`);
  const parsed = parseAt(schema, values, '');
  if (!parsed.ok) throw new UsageError(`--${parsed.error.message}`);
  return { values: parsed.value, help: false };
}
