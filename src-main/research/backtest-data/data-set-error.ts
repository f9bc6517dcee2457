/**
 * A data set that cannot be backtested (unreadable, unsorted, a bad price, no
 * bars in the range). `field` names the input at fault (`csv`, `from`, …) so
 * the CLI can say `--csv: …` and exit 2, and the contract can answer with a
 * path.
 */
export class DataSetError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataSetError';
  }
}
