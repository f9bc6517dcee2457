import { useEffect, useState, type ReactElement } from 'react';
import type { BacktestRun, JournalStatsWire } from '../../shared/contract';
import { useAppContext } from '../app/app-context';
import { MODELS, playedOutRows, type PlayedOutRow } from './played-out-rows';

const count = (c: PlayedOutRow['mine']): string => (c === null ? '—' : `${String(c.played)} of ${String(c.trades)}`);

/** Per setup of the two models: how often it played out in your trades, and in the latest saved backtest of the model. */
export function PlayedOut({ stats }: { readonly stats: JournalStatsWire | null }): ReactElement {
  const { client } = useAppContext();
  const [runs, setRuns] = useState<Readonly<Record<string, BacktestRun | null>>>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await client.call('backtest.list', { limit: 200 }).catch(() => []);
      const found: Record<string, BacktestRun | null> = {};
      for (const model of MODELS) {
        const latest = list.find((r) => r.strategy === model.strategy);
        found[model.strategy] = latest === undefined ? null : await client.call('backtest.get', { id: latest.id }).catch(() => null);
      }
      if (live) setRuns(found);
    })();
    return () => {
      live = false;
    };
  }, [client]);
  return (
    <section className="played-out" data-testid="journal-played-out">
      <h4>Played out, per setup</h4>
      {MODELS.map((model) => {
        const run = runs[model.strategy] ?? null;
        return (
          <table key={model.strategy} className="journal-table" data-model={model.strategy}>
            <caption>
              {model.name} <span className="muted">{run === null ? '(no saved backtest yet)' : `(backtest: ${run.label})`}</span>
            </caption>
            <thead>
              <tr>
                <th>Setup</th>
                <th className="right">Your trades</th>
                <th className="right">Backtest</th>
              </tr>
            </thead>
            <tbody>
              {playedOutRows(model.setups, stats, run).map((r) => (
                <tr key={r.setup}>
                  <td>{r.setup}</td>
                  <td className="num right">{count(r.mine)}</td>
                  <td className="num right">{count(r.tested)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
