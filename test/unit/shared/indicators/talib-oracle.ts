import { createRequire } from 'node:module';

/** The slice of the `talib` binding (CommonJS, no types) the tests use. */
interface TalibResult {
  readonly begIndex: number;
  readonly nbElement: number;
  readonly result: Readonly<Record<string, readonly number[] | undefined>>;
}
interface TalibBinding {
  readonly version: string;
  execute(params: Readonly<Record<string, unknown>>): TalibResult;
}

// Loaded at import: a missing or unbuilt binding fails every suite that uses it
// (talib is a declared devDependency, so it is an error, not a reason to skip).
const requireCjs = createRequire(import.meta.url);
export const talib = requireCjs('talib') as TalibBinding;

/**
 * Runs TA-Lib's `name` over all `length` bars (inputs converted to plain
 * arrays, as the binding wants) and returns each requested output aligned to
 * the input: NaN before TA-Lib's begIndex, so index i is bar i.
 */
export function talibRun(
  name: string,
  length: number,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  options: Readonly<Record<string, number>>,
  outputs: readonly string[],
): Float64Array[] {
  const params: Record<string, unknown> = { name, startIdx: 0, endIdx: length - 1, ...options };
  for (const [key, values] of Object.entries(inputs)) params[key] = Array.from(values);
  const r = talib.execute(params);
  return outputs.map((out) => {
    const values = r.result[out];
    if (values === undefined) throw new Error(`talib ${name}: no output ${out} (has ${Object.keys(r.result).join(', ')})`);
    const aligned = new Float64Array(length).fill(Number.NaN);
    aligned.set(values.slice(0, r.nbElement), r.begIndex);
    return aligned;
  });
}
