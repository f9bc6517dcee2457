import { describe, expect, it } from 'vitest';
import { nextHotkey } from '../../../../src-renderer/hotkeys/hotkey-parse';

const key = (code: string, k: string, alt = true): Parameters<typeof nextHotkey>[1] => ({ key: k, code, altKey: alt, ctrlKey: false, metaKey: false, shiftKey: false });

describe('Alt+C / Alt+P: calls or puts on the active pane’s symbol', () => {
  it('maps Alt+C to calls and Alt+P to puts, dropping anything typed', () => {
    expect(nextHotkey('', key('KeyC', 'ç'))).toEqual({ handled: true, pending: '', action: { kind: 'option-pick', side: 'calls' } });
    expect(nextHotkey('5', key('KeyP', 'π'))).toEqual({ handled: true, pending: '', action: { kind: 'option-pick', side: 'puts' } });
  });

  it('leaves plain c and p to the symbol search', () => {
    expect(nextHotkey('', key('KeyC', 'c', false)).action).not.toEqual({ kind: 'option-pick', side: 'calls' });
  });
});
