import { useEffect, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app/app-context';
import { UtcTimeInput } from '../../app/utc-time-input';
import { parseUtcDateTimeLocal } from '../../format/utc-datetime-local';
import type { PaneLayerProps } from '../pane-handle';
import { ReplayBar } from './replay-bar';

/**
 * Bar replay on a pane: while picking (Alt+R, the replay button) a press on the
 * chart picks the bar to replay from (or a typed UTC time), Esc cancels;
 * during the pane's replay the controls along its bottom; after Stop, the
 * zoom the pane had, once its live bars are drawn.
 */
export function ReplayLayer({ pane, view }: PaneLayerProps): ReactElement | null {
  const stores = useAppStores();
  const chartReplay = stores.chartReplay;
  const picking = useStore(chartReplay, (s) => s.picking === pane.index);
  const mine = useStore(chartReplay, (s) => s.session?.pane === pane.index);
  const restore = useStore(chartReplay, (s) => (s.restore?.pane === pane.index ? s.restore.barsInView : null));
  const error = useStore(chartReplay, (s) => s.error);
  const [typed, setTyped] = useState('');
  const { target } = view;

  useEffect(() => {
    if (!picking || target === null) return undefined;
    return pane.pointer.add(
      {
        press(p) {
          const logical = pane.chart.timeScale().coordinateToLogical(p.x);
          const bar = logical === null ? undefined : pane.bars()[Math.max(0, Math.min(pane.bars().length - 1, Math.round(logical)))];
          if (bar === undefined) return null;
          void chartReplay.getState().start(pane.index, target, bar.time);
          return { move: () => undefined, end: () => undefined };
        },
      },
      -10,
    );
  }, [picking, pane, target, chartReplay]);

  useEffect(() => {
    if (restore === null || target === null || target.source === 'replay') return undefined;
    const apply = (): boolean => {
      const n = pane.bars().length;
      if (n === 0) return false;
      const rightOffset = pane.chart.timeScale().options().rightOffset;
      pane.chart.timeScale().setVisibleLogicalRange({ from: n - restore, to: n - 1 + rightOffset });
      chartReplay.getState().restored();
      return true;
    };
    if (apply()) return undefined;
    return pane.onDraw((kind) => {
      if (kind === 'replace') apply();
    });
  }, [restore, target, pane, chartReplay]);

  if (picking) {
    const typedTime = parseUtcDateTimeLocal(typed);
    return (
      <div className="chart-replay-pick" role="status" data-testid="replay-pick">
        <span>Click the bar to replay from, or type a time (UTC):</span>
        <UtcTimeInput value={typed} onChange={setTyped} testId="replay-pick-time" label="Replay from (UTC)" />
        <button
          type="button"
          className="button"
          disabled={typedTime === null || target === null}
          data-testid="replay-pick-go"
          onClick={() => {
            if (typedTime !== null && target !== null) void chartReplay.getState().start(pane.index, target, typedTime);
          }}
        >
          Go
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            chartReplay.getState().cancelPick();
          }}
        >
          Cancel
        </button>
        {error !== null && <span className="tone-bad">{error.message}</span>}
      </div>
    );
  }
  return mine ? <ReplayBar pane={pane} /> : null;
}
