import type { ContractError, MethodName, ParamsIn, Result } from '../../../../shared/contract';
import { createCore, type Core } from '../../app/core';
import { UsageError, type CliIo } from '../cli-io';
import { dataDirOption } from '../data-dir-option';

/** Opens the store of `--data-dir` for a journal command: no feed connects (the journal reads what is stored). */
export function openJournalCore(dataDir: string | undefined, io: CliIo): Core {
  return createCore({ dataDir: dataDirOption(dataDir, io), mode: 'cli', connectFeeds: [], log: { error: (m: string) => io.err(`tapedeck: ${m}`), warn: () => undefined } });
}

/** The refusal of a contract call as a usage error naming the flag (params.account → --account). */
export function refusal(error: ContractError, flags: Readonly<Record<string, string>> = {}): Error {
  if (error.code === 'INTERNAL') return new Error(error.message);
  const field = error.path.replace(/^params\.(filter\.)?/, '').split(/[.[]/)[0] ?? '';
  const flag = flags[field] ?? (field === '' ? '' : `--${field}`);
  const message = error.message.replace(/^params\.\S*: /, '');
  return new UsageError(flag === '' ? message : `${flag}: ${message}`);
}

/** Calls the journal through the contract (so the CLI refuses what the UI would). */
export async function callJournal<M extends MethodName>(core: Core, method: M, params: ParamsIn<M>, flags?: Readonly<Record<string, string>>): Promise<Result<M>> {
  const outcome = await core.dispatcher.call(method, params);
  if (!outcome.ok) throw refusal(outcome.error, flags);
  return outcome.result as Result<M>;
}

/** Columns padded to their widest cell (the last one left ragged); numbers right-aligned. */
export function table(rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, c) => {
        if (c === r.length - 1 && numeric[c] !== true) return cell;
        return numeric[c] === true ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0);
      })
      .join('  ')
      .trimEnd(),
  );
}

/** A time as ISO UTC to the second. */
export function isoSecond(t: number | null): string {
  return t === null ? '-' : new Date(t).toISOString().replace('.000Z', 'Z');
}

/** A number or '-', with `places` decimals. */
export function fixed(x: number | null | 'Infinity', places: number): string {
  if (x === null) return '-';
  if (x === 'Infinity') return 'inf';
  return x.toFixed(places);
}
