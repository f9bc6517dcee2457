import { useEffect, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { useResolvedChart } from '../chart/use-resolved-pane';
import { layoutActions } from '../layout/layout-actions';
import { replayAbilities } from './replay-abilities';
import { ReplayControls } from './replay-controls';
import { ReplayForm } from './replay-form';
import { ReplayStatus } from './replay-status';

/** The Replay tab: choose a stored series and range, play it as the `replay` feed, and chart it. */
export function ReplayView(): ReactElement {
  const stores = useAppStores();
  const store = stores.replay;
  const replay = useStore(store, (s) => s.replay);
  const error = useStore(store, (s) => s.error);
  const busy = useStore(store, (s) => s.busy);
  const { run, fail } = store.getState();
  const chartSymbol = useResolvedChart().symbol;
  const [speed, setSpeed] = useState(1);

  useEffect(() => store.getState().start(), [store]);

  const can = replayAbilities(replay, busy);
  const running = replay?.status === 'playing' || replay?.status === 'paused';

  const changeSpeed = (next: number): void => {
    setSpeed(next);
    if (running) void run({ kind: 'setSpeed', speed: next });
  };

  const chartReplay = (): void => {
    if (replay?.symbol != null) layoutActions(stores.chartLayout).showReplay(replay.symbol);
  };

  return (
    <div className="replay-view" data-testid="replay-view">
      <ReplayForm
        defaultSymbol={chartSymbol ?? ''}
        canStart={can.start}
        speed={running ? replay.speed : speed}
        onSpeed={changeSpeed}
        onStart={(params) => void run({ kind: 'start', params })}
        onInvalid={fail}
      />
      <ReplayControls can={can} onAction={(action) => void run(action)} onInvalid={fail} />
      <ReplayStatus replay={replay} canChart={can.chart} onChart={chartReplay} />
      {error !== null && <ErrorNote error={error} testId="replay-error" />}
    </div>
  );
}
