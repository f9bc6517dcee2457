import { useState, type ReactElement } from 'react';
import type { BacktestRun } from '../../shared/contract';
import { useAppContext } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { CoverageLine } from './coverage-line';
import { EquityChart } from './equity-chart';
import { formatNumber } from './number-format';
import { PriceChart } from './price-chart';
import { RunCaption } from './run-caption';
import { showRunOnChart } from './show-run-on-chart';
import { SetupsTable } from './setups-table';
import { StatsTable } from './stats-table';
import { TradesTable } from './trades-table';
import { useRunBars, type RunBarsState } from './use-run-bars';

export interface ResultViewProps {
  readonly run: BacktestRun;
  /** Fills the form with this run's request and shows it. */
  readonly onEdit: () => void;
}

type ResultTab = 'equity' | 'price' | 'trades';

interface PriceSectionProps {
  readonly run: BacktestRun;
  readonly bars: RunBarsState;
  readonly withReasons: boolean;
  readonly focus: number | null;
}

function PriceSection({ run, bars, withReasons, focus }: PriceSectionProps): ReactElement {
  switch (bars.kind) {
    case 'loading':
      return <p className="empty-note">Loading the run&apos;s bars…</p>;
    case 'failed':
      return <ErrorNote error={bars.error} testId="backtest-bars-error" />;
    case 'ready':
      return (
        <>
          {bars.data.truncated && (
            <p className="backtest-note">Only the newest {formatNumber(bars.data.bars.length, 0)} bars are charted; earlier trades have no marker.</p>
          )}
          <PriceChart bars={bars.data.bars} trades={run.result.trades} interval={run.request.interval} withReasons={withReasons} focus={focus} />
        </>
      );
  }
}

/** A run: its statistics and its trades by setup beside the equity and drawdown, the price chart with trades, or the trade list. */
export function ResultView({ run, onEdit }: ResultViewProps): ReactElement {
  const { client, stores } = useAppContext();
  // Loaded as soon as the run is shown, so the price chart opens without a wait.
  const bars = useRunBars(client, run.request);
  const [tab, setTab] = useState<ResultTab>('equity');
  const [focus, setFocus] = useState<number | null>(null);
  const [withReasons, setWithReasons] = useState(false);
  const tabs: readonly { readonly id: ResultTab; readonly label: string }[] = [
    { id: 'equity', label: 'Equity & drawdown' },
    { id: 'price', label: 'Price & trades' },
    { id: 'trades', label: `Trades (${String(run.result.trades.length)})` },
  ];

  return (
    <div className="backtest-result" data-testid="backtest-result" data-run={run.id}>
      <div className="backtest-result-head">
        <RunCaption run={run} />
        <button
          type="button"
          className="button backtest-small"
          title="Put this run's trades on the charts of its symbol (the active pane switches to it if no pane shows it)"
          onClick={() => {
            showRunOnChart(run, stores);
          }}
          data-testid="backtest-show-on-chart"
        >
          Show on chart
        </button>
        <button type="button" className="button backtest-small" onClick={onEdit} data-testid="backtest-edit">
          Edit &amp; run again
        </button>
      </div>
      <CoverageLine coverage={run.coverage} />
      {run.notes.map((note) => (
        <p key={note} className="backtest-note" data-testid="backtest-run-note">
          {note}
        </p>
      ))}
      <div className="backtest-result-body">
        <div className="backtest-stats-column">
          <StatsTable stats={run.stats} />
          <SetupsTable setups={run.result.setups} unfilled={run.result.unfilledSignals} />
        </div>
        <div className="backtest-result-main">
          <div className="backtest-switch" role="group" aria-label="Result view">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                className={t.id === tab ? 'button backtest-small is-active' : 'button backtest-small'}
                aria-pressed={t.id === tab}
                onClick={() => {
                  setTab(t.id);
                }}
                data-testid={`backtest-view-${t.id}`}
              >
                {t.label}
              </button>
            ))}
            {tab === 'price' && (
              <label className="backtest-check">
                <input
                  type="checkbox"
                  checked={withReasons}
                  onChange={(e) => {
                    setWithReasons(e.target.checked);
                  }}
                />
                <span>Reasons on markers</span>
              </label>
            )}
            {tab === 'price' && focus !== null && (
              <button
                type="button"
                className="button backtest-small"
                onClick={() => {
                  setFocus(null);
                }}
              >
                Show all
              </button>
            )}
          </div>
          {tab === 'equity' && <EquityChart curve={run.result.equity} />}
          {tab === 'price' && <PriceSection run={run} bars={bars} withReasons={withReasons} focus={focus} />}
          {tab === 'trades' && (
            <div className="backtest-scroll">
              <TradesTable
                trades={run.result.trades}
                focus={focus}
                onPick={(index) => {
                  setFocus(index);
                  setTab('price');
                }}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
