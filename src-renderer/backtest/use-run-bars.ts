import { useEffect, useState } from 'react';
import type { ContractError } from '../../shared/contract';
import type { TapedeckClient } from '../api/tapedeck-client';
import { toContractError } from '../app/to-contract-error';
import { loadRunBars, type RunBars, type RunSeries } from './run-bars';

export type RunBarsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly data: RunBars }
  | { readonly kind: 'failed'; readonly error: ContractError };

/** The bars of a run's series, loaded with `bars.get` whenever the series changes. */
export function useRunBars(client: Pick<TapedeckClient, 'call'>, series: RunSeries): RunBarsState {
  const [state, setState] = useState<RunBarsState>({ kind: 'loading' });
  const { source, symbol, interval, from, to } = series;

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    loadRunBars(client, { source, symbol, interval, from, to }).then(
      (data) => {
        if (live) setState({ kind: 'ready', data });
      },
      (reason: unknown) => {
        if (live) setState({ kind: 'failed', error: toContractError(reason) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, source, symbol, interval, from, to]);

  return state;
}
