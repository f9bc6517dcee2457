import type { ReactElement } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../app/app-context';
import { SHORTCUTS } from './shortcut-list';

/** Every keyboard shortcut (the `?` key), later phases' keys marked "coming". */
export function ShortcutSheet(): ReactElement | null {
  const stores = useAppStores();
  const open = useStore(stores.hotkeys, (s) => s.sheet);
  if (!open) return null;
  const close = (): void => {
    stores.hotkeys.getState().closeAll();
  };
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="shortcut-sheet"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        onClick={(e) => {
          e.stopPropagation();
        }}
      >
        <header className="shortcut-sheet-header">
          <h2 className="panel-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </header>
        {SHORTCUTS.map((group) => (
          <section key={group.title} className="shortcut-group">
            <h3 className="shortcut-group-title">{group.title}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((s) => (
                <div key={`${s.keys}-${s.does}`} className={s.coming === true ? 'shortcut is-coming' : 'shortcut'}>
                  <dt className="shortcut-keys num">{s.keys}</dt>
                  <dd className="shortcut-does">
                    {s.does}
                    {s.coming === true && <span className="tag shortcut-coming">coming</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
