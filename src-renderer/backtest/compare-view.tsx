import type { ReactElement } from 'react';
import type { BacktestRun } from '../../shared/contract';
import { CompareChart } from './compare-chart';
import { CompareTable } from './compare-table';
import { RunCaption } from './run-caption';

export interface CompareViewProps {
  readonly a: BacktestRun;
  readonly b: BacktestRun;
}

/** Two runs side by side: their statistics with the difference, and both equity curves on one chart. */
export function CompareView({ a, b }: CompareViewProps): ReactElement {
  return (
    <div className="backtest-result backtest-compare" data-testid="backtest-compare">
      <div className="backtest-compare-captions">
        <RunCaption run={a} slot="a" />
        <RunCaption run={b} slot="b" />
      </div>
      <div className="backtest-result-body">
        <div className="backtest-stats-column is-wide">
          <CompareTable a={a.stats} b={b.stats} />
        </div>
        <div className="backtest-result-main">
          <CompareChart a={a.result.equity} b={b.result.equity} />
        </div>
      </div>
    </div>
  );
}
