import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { intervalLabel } from '../chart/interval-buttons';
import { parseTimeframe } from './hotkey-parse';

/** The command being typed ("15" → Enter for 15m) or a short note, over the chart area. */
export function CommandOverlay(): ReactElement | null {
  const stores = useAppStores();
  const pending = useStore(stores.hotkeys, (s) => s.pending);
  const note = useStore(stores.hotkeys, (s) => s.note);
  if (pending === '' && note === null) return null;
  if (pending === '') {
    return (
      <div className="command-overlay" role="status" data-testid="hotkey-note">
        {note}
      </div>
    );
  }
  const interval = parseTimeframe(pending);
  return (
    <div className="command-overlay" role="status" data-testid="hotkey-pending">
      <span className="command-text num">{pending}</span>
      <span className="command-hint muted">{interval === null ? 'keep typing' : `Enter → ${intervalLabel(interval)}`}</span>
    </div>
  );
}
