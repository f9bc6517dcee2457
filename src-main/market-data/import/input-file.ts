import { accessSync, constants, statSync } from 'node:fs';

/**
 * Why `path` cannot be read as an input file, worded for the user (it names
 * the path), or null when it is a readable file. Checked before a file is
 * opened, so a directory or a missing file is a clear refusal, not EISDIR.
 */
export function inputFileProblem(path: string): string | null {
  let isFile: boolean;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return `"${path}" is a directory, not a file`;
    // A pipe (`--csv <(zcat bars.csv.gz)`) is read like a file.
    isFile = st.isFile() || st.isFIFO();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES') return `cannot read "${path}": permission denied`;
    if (code === 'ENOTDIR') return `no such file "${path}" (a part of the path is not a directory)`;
    return `no such file "${path}"`;
  }
  if (!isFile) return `"${path}" is not a regular file`;
  try {
    accessSync(path, constants.R_OK);
  } catch {
    return `cannot read "${path}": permission denied`;
  }
  return null;
}
