import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app/app-context';
import { formatTimestampUtc } from '../../format/format-timestamp';
import { REPLAY_SPEEDS } from '../../replay/replay-abilities';
import type { PaneHandle } from '../pane-handle';
import { barsInView } from './bars-in-view';

export interface ReplayBarProps {
  readonly pane: PaneHandle;
}

/** A pane's replay controls: play or pause, step one bar, speed, stop; the replay clock and where it started. */
export function ReplayBar({ pane }: ReplayBarProps): ReactElement {
  const stores = useAppStores();
  const chartReplay = stores.chartReplay;
  const session = useStore(chartReplay, (s) => s.session);
  const busy = useStore(chartReplay, (s) => s.busy);
  const error = useStore(chartReplay, (s) => s.error);
  const replay = useStore(stores.replay, (s) => s.replay);
  const playing = replay?.status === 'playing';
  const speed = replay?.speed ?? 1;
  const speeds = REPLAY_SPEEDS.some((s) => s === speed) ? REPLAY_SPEEDS : [...REPLAY_SPEEDS, speed];
  const actions = chartReplay.getState();

  return (
    <div className="chart-replay-bar" role="group" aria-label="Replay" data-testid="pane-replay" data-start={session?.start ?? ''} data-cursor={replay?.cursor ?? ''} data-status={replay?.status ?? ''}>
      <span className="chart-replay-tag">REPLAY</span>
      {playing ? (
        <button type="button" className="button" disabled={busy} data-testid="pane-replay-pause" onClick={() => void actions.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" className="button" disabled={busy || replay?.status === 'finished'} data-testid="pane-replay-play" onClick={() => void actions.play()}>
          ▶ Play
        </button>
      )}
      <button type="button" className="button" disabled={busy || replay?.status === 'finished'} data-testid="pane-replay-step" title="Play one bar" onClick={() => void actions.step()}>
        Step ⏭
      </button>
      <select className="input" value={speed} aria-label="Replay speed" data-testid="pane-replay-speed" onChange={(e) => void actions.setSpeed(Number(e.target.value))}>
        {speeds.map((s) => (
          <option key={s} value={s}>{`${String(s)}×`}</option>
        ))}
      </select>
      <button type="button" className="button" disabled={busy} data-testid="pane-replay-stop" onClick={() => void actions.stop(barsInView(pane))}>
        ■ Stop
      </button>
      <span className="chart-replay-clock num" title="Replay clock (UTC)">
        {replay?.cursor == null ? '—' : formatTimestampUtc(replay.cursor)}
      </span>
      {error !== null && (
        <span className="tone-bad chart-replay-error" data-testid="pane-replay-error">
          {error.message}
        </span>
      )}
    </div>
  );
}
