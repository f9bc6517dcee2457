import type { ReactElement } from 'react';
import type { Coverage } from '../../shared/contract';
import { coverageHeadline, missingLines } from '../feeds/coverage-text';

/** How complete the bars a run used were; the missing spans, with their reasons, when any. */
export function CoverageLine({ coverage }: { readonly coverage: Coverage | null }): ReactElement | null {
  if (coverage === null) return null;
  const complete = coverage.missingBars === 0;
  return (
    <div className={complete ? 'backtest-coverage' : 'backtest-coverage backtest-note'} data-testid="backtest-coverage" data-complete={complete}>
      <span>Data: {coverageHeadline(coverage)}</span>
      {!complete && (
        <ul>
          {missingLines(coverage).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
