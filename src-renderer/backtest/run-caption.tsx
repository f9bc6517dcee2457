import type { ReactElement } from 'react';
import type { BacktestRunSummary } from '../../shared/contract';
import { formatShortUtc } from './number-format';
import { describeCosts, describeParams } from './run-description';

export interface RunCaptionProps {
  readonly run: BacktestRunSummary;
  /** "A" or "B" in a comparison. */
  readonly slot?: 'a' | 'b';
}

/** A run's label, series, range, strategy with parameters and costs, on one wrapping line. */
export function RunCaption({ run, slot }: RunCaptionProps): ReactElement {
  const { request } = run;
  return (
    <div className="backtest-caption" data-testid="backtest-caption">
      {slot !== undefined && <span className={`backtest-swatch is-${slot}`} aria-hidden="true" />}
      <span className="backtest-caption-label">{run.label}</span>
      <span className="num">
        {request.source.toUpperCase()}:{request.symbol} {request.interval}
      </span>
      <span className="num muted">
        {formatShortUtc(request.from)} → {formatShortUtc(request.to)}
      </span>
      <span className="num">{describeParams(run)}</span>
      <span className="muted">{describeCosts(run)}</span>
    </div>
  );
}
