import type { TapedeckClient } from '../api/tapedeck-client';
import { journalStoreOf } from './journal-view';

/** Whether a key press is the journal's screenshot hotkey (Alt+S, no other modifier, not held down). */
export function isCaptureKey(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'repeat'>): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyS' && !e.repeat;
}

/**
 * Alt+S anywhere in the workstation (whichever bottom tab is open): the
 * panes are photographed into the journal now, kept with the open trade of
 * their symbol; the Journal tab says how many were taken. Returns the stop function.
 */
export function startJournalHotkey(client: TapedeckClient, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (!isCaptureKey(event)) return;
    event.preventDefault();
    void journalStoreOf(client).getState().capture();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
