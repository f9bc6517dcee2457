import type { ContractError, ParamsIn, StrategyOverlay } from '../../../shared/contract';
import type { TapedeckClient } from '../../api/tapedeck-client';
import { toContractError } from '../../app/to-contract-error';

/** One strategies.overlay request per model the pane shows. */
export type OverlayRequest = ParamsIn<'strategies.overlay'>;

export interface LevelsResult {
  /** One per model answered (in the order asked). */
  readonly overlays: readonly StrategyOverlay[];
  /** Why a model could not be drawn (the first refusal), or null. */
  readonly error: ContractError | null;
  /** The requests answered (for the e2e tests). */
  readonly requests: readonly OverlayRequest[];
}

export interface LevelsFeed {
  /** Asks again (the bars changed): at once when idle, else once the call in flight is answered. */
  refresh(): void;
  stop(): void;
}

/**
 * Keeps a pane's overlays fresh: `requests()` says what to ask now (none:
 * nothing to draw), `refresh` asks, never more than one round in flight
 * (refreshes during one ask once more after it, with the bars of then).
 * Each round's answers go to `onResult` together; nothing after `stop`.
 */
export function createLevelsFeed(
  client: Pick<TapedeckClient, 'call'>,
  requests: () => readonly OverlayRequest[],
  onResult: (result: LevelsResult) => void,
): LevelsFeed {
  let inFlight = false;
  let again = false;
  let stopped = false;

  const run = (): void => {
    const asked = requests();
    if (asked.length === 0) {
      onResult({ overlays: [], error: null, requests: [] });
      return;
    }
    inFlight = true;
    void Promise.allSettled(asked.map((r) => client.call('strategies.overlay', r))).then((settled) => {
      inFlight = false;
      if (stopped) return;
      const overlays: StrategyOverlay[] = [];
      let error: ContractError | null = null;
      for (const s of settled) {
        if (s.status === 'fulfilled') overlays.push(s.value);
        else error ??= toContractError(s.reason);
      }
      onResult({ overlays, error, requests: asked });
      if (again) {
        again = false;
        run();
      }
    });
  };

  return {
    refresh() {
      if (stopped) return;
      if (inFlight) again = true;
      else run();
    },
    stop() {
      stopped = true;
    },
  };
}
