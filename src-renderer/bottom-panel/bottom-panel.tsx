import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { AboutView } from '../about/about-view';
import { BacktestView } from '../backtest/backtest-view';
import { JournalView } from '../journal/journal-view';
import { OptionsPanel } from '../options/options-panel';
import { useOptionsReveal } from '../options/use-options-reveal';
import { ReplayView } from '../replay/replay-view';
import { AuditLogView } from '../trading/audit-log-view';
import { BOTTOM_TABS, type BottomTabId } from './bottom-tabs';

function TabContent({ tab }: { readonly tab: BottomTabId }): ReactElement {
  switch (tab) {
    case 'journal':
      return <JournalView />;
    case 'options':
      return <OptionsPanel />;
    case 'backtests':
      return <BacktestView />;
    case 'replay':
      return <ReplayView />;
    case 'log':
      return <AuditLogView />;
    case 'about':
      return <AboutView />;
  }
}

/** Tabs along the bottom of the workstation. */
export function BottomPanel(): ReactElement {
  const [active, setActive] = useState<BottomTabId>('journal');
  useOptionsReveal(() => setActive('options'));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = BOTTOM_TABS.findIndex((t) => t.id === active);
    const step = event.key === 'ArrowRight' ? 1 : BOTTOM_TABS.length - 1;
    const next = BOTTOM_TABS[(index + step) % BOTTOM_TABS.length];
    if (next === undefined) return;
    setActive(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <section className="bottom-panel" aria-label="Bottom panel">
      <div className="tab-strip" role="tablist" aria-label="Bottom panel tabs" onKeyDown={onKeyDown}>
        {BOTTOM_TABS.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === active}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => {
              setActive(tab.id);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`}>
        <TabContent tab={active} />
      </div>
    </section>
  );
}
