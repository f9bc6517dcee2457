import { useEffect, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import { ErrorNote } from '../app/error-note';
import { isE2ePage } from '../app/e2e-hook';
import { useAppStores } from '../app/app-context';
import { findInstrument } from '../feeds/feed-lookup';
import { useNow } from '../app/use-now';
import { useTicketSeries } from '../ticket/use-ticket-series';
import { chainSourceOf } from './chain-source';
import { ChainControls } from './chain-controls';
import { ChainTable } from './chain-table';
import { isStale, limitAtMid } from './chain-view';
import { ExpirationTabs } from './expiration-tabs';
import { premiumText } from './option-format';
import { OptionPositions } from './option-positions';
import { OptionTicket } from './option-ticket';
import { installOptionsE2eHook } from './options-e2e';
import { PickButtons } from './pick-buttons';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The Options tab: the chain of an underlying (the charted US stock when the
 * tab first opens, then the one typed here or opened from the watchlist) —
 * expirations as tabs, the calls | strike | puts table live — the option
 * ticket for the contract clicked, and the option positions.
 */
export function OptionsPanel(): ReactElement {
  const { options, feeds, trading } = useAppStores();
  const state = useStore(options);
  // The ticket's series: the active pane's, or the symbol typed on the ticket.
  const series = useTicketSeries(useStore(trading.ticket, (s) => s.draft.symbol));
  const instrument = useStore(feeds, (s) => (series === null ? null : findInstrument(s.feeds, series.source, series.symbol)));
  const followed = series !== null && instrument?.market === 'us-equity' ? series.symbol : null;
  // The chain follows the underlying's source: Alpaca's chain for a US stock charted from Alpaca, else the sim's.
  const followedSource = chainSourceOf(series?.source ?? null, instrument);
  const [typed, setTyped] = useState('');
  const now = useNow(1_000);

  useEffect(() => (isE2ePage(window.location) ? installOptionsE2eHook(window, options) : undefined), [options]);

  useEffect(() => {
    const s = options.getState();
    if (followed !== null && (s.underlying === null || (s.underlying === followed && s.source !== followedSource))) s.open(followed, false, followedSource);
    else s.resume();
    return () => options.getState().stop();
  }, [options, followed, followedSource]);

  const snapshot = state.snapshot;
  const rows = snapshot?.expirations[0]?.rows ?? [];
  const selection = state.selection;
  const liveRow = selection === null ? null : (rows.find((r) => r.symbol === selection.symbol) ?? selection.row);
  const expiresAt = snapshot?.expirations[0]?.expiresAt ?? null;
  const stale = isStale(state.receivedAt, now);
  const model = snapshot === null || expiresAt === null ? null : { spot: snapshot.underlyingPrice, rate: snapshot.rate, dividendYield: snapshot.dividendYield, years: Math.max(expiresAt - snapshot.time, 0) / YEAR_MS };

  return (
    <div className="options-panel" data-testid="options-panel">
      <div className="options-main">
        <div className="options-bar">
          <form
            className="options-underlying"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim() !== '') options.getState().open(typed, false, followedSource);
              setTyped('');
            }}
          >
            <input className="input" aria-label="Underlying" placeholder={state.underlying ?? 'Underlying'} value={typed} data-testid="options-underlying" onChange={(e) => setTyped(e.target.value)} />
          </form>
          <span className="options-title" data-testid="options-symbol">
            {state.underlying ?? '—'}
          </span>
          <span className="num" data-testid="options-underlying-price">
            {snapshot === null ? '' : premiumText(snapshot.underlyingPrice)}
          </span>
          <span className={state.source === 'sim' ? 'tag tag-sim' : 'tag tag-source'} data-testid="options-source" title={state.source === 'sim' ? 'the simulated chain' : `${state.source}’s chain: its contracts trade on the ${state.source} account`}>
            {state.source.toUpperCase()}
          </span>
          {stale && (
            <span className="tag tag-stale" data-testid="chain-stale" title="no chain update for a few seconds: the quotes may be old">
              STALE
            </span>
          )}
          <PickButtons disabled={state.underlying === null} />
        </div>
        <ChainControls view={state.view} onChange={state.setView} />
        {state.error !== null && <ErrorNote error={state.error} testId="options-error" />}
        {state.pickError !== null && <ErrorNote error={state.pickError} testId="options-pick-error" />}
        {state.expirations !== null && <ExpirationTabs expirations={state.expirations} selected={state.expiry} onSelect={state.selectExpiry} />}
        <div className="chain-scroll">
          {snapshot !== null && snapshot.expirations.length === 0 && <p className="empty-note">{state.expiry ?? 'This expiration'} has expired.</p>}
          {snapshot !== null && rows.length > 0 && (
            <ChainTable
              rows={rows}
              underlyingPrice={snapshot.underlyingPrice}
              view={state.view}
              stale={stale}
              selected={selection?.symbol ?? null}
              centreKey={`${snapshot.underlying}:${state.expiry ?? ''}`}
              onPick={(row, side) => options.getState().select({ symbol: row.symbol, side, price: limitAtMid(row), row })}
            />
          )}
          {snapshot === null && state.underlying !== null && state.error === null && <p className="empty-note">Loading the {state.underlying} chain…</p>}
          {state.underlying === null && <p className="empty-note">Chart a US stock or ETF, type an underlying, or open a chain from the watchlist.</p>}
        </div>
        <OptionPositions />
      </div>
      <aside className="options-side">
        {selection !== null && liveRow !== null ? (
          <OptionTicket
            key={`${selection.symbol}:${selection.side}:${String(selection.price)}`}
            source={state.source}
            selection={selection}
            row={liveRow}
            multiplier={snapshot?.multiplier ?? 100}
            model={model !== null && rows.some((r) => r.symbol === selection.symbol) ? model : null}
          />
        ) : (
          <p className="empty-note">Click an ask to buy or a bid to sell: the option ticket opens here with break-even, max loss, the take-profit’s reward and its odds.</p>
        )}
      </aside>
    </div>
  );
}
