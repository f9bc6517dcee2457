import type { ChainSnapshot } from '../../shared/options/wire/chain-snapshot';
import type { OptionsStore } from './options-store';

/** What the e2e tests and the chain-view bench reach of the Options tab (window.__tapedeckOptions, only with `?e2e`). */
export interface OptionsE2eHook {
  /** Chain snapshots the tab has shown since the hook was installed (how often the table was asked to redraw). */
  shown(): number;
  /** Stops the live chain and shows `snapshot` instead (the bench drives the table with chains of its own). */
  show(snapshot: ChainSnapshot): void;
}

export const OPTIONS_E2E_GLOBAL = '__tapedeckOptions';

export function installOptionsE2eHook(win: Window, options: OptionsStore): () => void {
  let shown = 0;
  const stop = options.subscribe((s, p) => {
    if (s.snapshot !== p.snapshot && s.snapshot !== null) shown++;
  });
  const hook: OptionsE2eHook = {
    shown: () => shown,
    show(snapshot) {
      options.getState().stop();
      options.setState({ snapshot, receivedAt: Date.now() });
    },
  };
  (win as unknown as Record<string, unknown>)[OPTIONS_E2E_GLOBAL] = hook;
  return stop;
}
