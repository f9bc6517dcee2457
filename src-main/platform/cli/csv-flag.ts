import { readFileSync } from 'node:fs';
import { inputFileProblem } from '../../market-data/import/input-file';
import { UsageError } from './cli-io';

/** The text of the file `--csv` names, or a UsageError naming --csv and why it cannot be read (missing, a directory, unreadable). */
export function readCsvFlag(file: string): string {
  const problem = inputFileProblem(file);
  if (problem !== null) throw new UsageError(`--csv: ${problem}`);
  return readFileSync(file, 'utf8');
}
