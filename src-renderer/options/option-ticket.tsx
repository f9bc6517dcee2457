import { useMemo, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type { ContractError } from '../../shared/contract';
import { parseOccSymbol } from '../../shared/options/occ-symbol';
import { optionTick } from '../../shared/options/sim-chain/quote-spread';
import type { ChainRow } from '../../shared/options/wire/chain-row';
import type { Order, OrderRequest } from '../../shared/trading/order';
import { useAppContext } from '../app/app-context';
import { ErrorNote } from '../app/error-note';
import { PriceStepper } from '../ticket/price-stepper';
import { priceText } from '../ticket/price-step';
import { parseNumber } from '../ticket/ticket-math';
import { clientOrderIdMaker } from '../trading/client-order-id';
import { sendOrder } from '../trading/order-sender';
import { useActiveAccount, useQuote, useTrading } from '../trading/use-trading';
import { contractLabel, premiumText } from './option-format';
import { optionRouting } from './option-routing';
import { OptionTicketBox } from './option-ticket-box';
import { optionTicketFigures, type OptionTicketInput } from './option-ticket-figures';
import type { OptionSelection } from './options-store';

export interface OptionTicketProps {
  readonly source: string;
  readonly selection: OptionSelection;
  /** The contract's live chain row (the picked one while the chain shows another expiration). */
  readonly row: ChainRow;
  readonly multiplier: number;
  /** The chain's model inputs now, for the touch probability (null: none). */
  readonly model: { readonly spot: number; readonly rate: number; readonly dividendYield: number; readonly years: number } | null;
}

/** The take-profit a new option ticket starts with: the ticket default when it is an amount, else +$0.10 a share. */
function defaultTakeProfit(amount: number | null): string {
  return (amount ?? 0.1).toFixed(2);
}

/**
 * The option ticket: the contract picked off the chain, buy or sell, whole
 * contracts, a day limit order at the clicked price (stepped on the premium's
 * tick: $0.01 below $3, $0.05 from $3), a take-profit in dollars on the
 * premium armed on the fill, and the figures before sending. Nothing is
 * sent without the Send click.
 */
export function OptionTicket({ source, selection, row, multiplier, model }: OptionTicketProps): ReactElement {
  const { client, stores } = useAppContext();
  const active = useActiveAccount();
  const accountsStore = useTrading().accounts;
  const accounts = useStore(accountsStore, (s) => s.accounts);
  // An Alpaca contract goes to the Alpaca paper account, a sim one to a local paper account: said here, never sent elsewhere.
  const routing = optionRouting(source, active, accounts);
  const account = routing.ok ? routing.account : null;
  const tpDefault = useStore(stores.settings, (s) => {
    const tp = s.settings?.ticket.takeProfit ?? null;
    return tp?.kind === 'amount' ? tp.amount : null;
  });
  const slDefault = useStore(stores.settings, (s) => {
    const sl = s.settings?.ticket.stopLoss ?? null;
    return sl?.kind === 'amount' ? sl.amount : null;
  });
  const qtyDefault = useStore(stores.settings, (s) => s.settings?.ticket.defaultQty.option ?? 1);
  const nextId = useMemo(() => clientOrderIdMaker(), []);
  const [side, setSide] = useState(selection.side);
  const [qty, setQty] = useState(String(Math.max(1, Math.floor(qtyDefault))));
  const [limit, setLimit] = useState(priceText(selection.price, optionTick(selection.price)));
  const [tpOn, setTpOn] = useState(selection.side === 'buy');
  const [tp, setTp] = useState(defaultTakeProfit(tpDefault));
  const [slOn, setSlOn] = useState(slDefault !== null && selection.side === 'buy');
  const [sl, setSl] = useState((slDefault ?? 0.2).toFixed(2));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [placed, setPlaced] = useState<Order | null>(null);
  const quote = useQuote(source, selection.symbol);
  const parts = parseOccSymbol(selection.symbol);

  const premium = parseNumber(limit);
  const contracts = parseNumber(qty);
  const tpAmount = tpOn ? parseNumber(tp) : null;
  const slAmount = slOn ? parseNumber(sl) : null;
  const input: OptionTicketInput | null =
    !parts.ok || premium === null || premium <= 0 || contracts === null || contracts <= 0
      ? null
      : {
          side,
          type: parts.value.type,
          strike: parts.value.strike,
          premium,
          qty: contracts,
          multiplier,
          feePerContract: (account ?? active)?.fees.optionPerContract ?? 0,
          takeProfit: tpAmount === null || tpAmount <= 0 ? null : premium + tpAmount,
          model: model === null || row.iv === null ? null : { ...model, iv: row.iv },
        };
  const figures = input === null ? null : optionTicketFigures(input);

  const send = (): void => {
    if (account === null || premium === null || contracts === null) return;
    const request: OrderRequest = {
      accountId: account.id,
      source,
      symbol: selection.symbol,
      side,
      qty: contracts,
      type: 'limit',
      limitPrice: premium,
      tif: 'day',
      ...(tpAmount === null || tpAmount <= 0 ? {} : { takeProfit: { kind: 'amount' as const, amount: tpAmount } }),
      ...(slAmount === null || slAmount <= 0 ? {} : { stopLoss: { kind: 'amount' as const, amount: slAmount } }),
      overrideDataGate: false,
    };
    setSending(true);
    setError(null);
    void sendOrder(client, request, nextId()).then((r) => {
      setSending(false);
      if (r.ok) setPlaced(r.order);
      else setError(r.error);
    });
  };

  const buy = side === 'buy';
  return (
    <form
      className="option-ticket"
      data-testid="option-ticket"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className="option-ticket-head">
        <span className="option-ticket-contract" data-testid="option-ticket-contract" title={selection.symbol}>
          {parts.ok ? contractLabel(parts.value) : selection.symbol}
        </span>
        <span className="num muted" data-testid="option-ticket-quote">
          {premiumText(quote?.bid ?? row.bid)} / {premiumText(quote?.ask ?? row.ask)}
        </span>
      </div>
      <div className="ticket-sides" role="radiogroup" aria-label="Side">
        <button type="button" role="radio" aria-checked={buy} className={buy ? 'button side-buy is-on' : 'button side-buy'} data-testid="option-ticket-buy" onClick={() => setSide('buy')}>
          Buy
        </button>
        <button type="button" role="radio" aria-checked={!buy} className={buy ? 'button side-sell' : 'button side-sell is-on'} data-testid="option-ticket-sell" onClick={() => setSide('sell')}>
          Sell
        </button>
      </div>
      <label className="field">
        <span className="field-label">Contracts</span>
        <input className="input num" inputMode="numeric" value={qty} data-testid="option-ticket-qty" onChange={(e) => setQty(e.target.value)} />
      </label>
      <div className="field">
        <span className="field-label">Limit (day)</span>
        <PriceStepper label="Limit price" value={limit} tickSize={optionTick(premium ?? selection.price)} start={selection.price} testId="option-ticket-limit" onChange={setLimit} />
      </div>
      <div className="field">
        <label className="check-field">
          <input type="checkbox" checked={tpOn} data-testid="option-ticket-tp-on" onChange={(e) => setTpOn(e.target.checked)} />
          <span className="field-label">Take-profit + $</span>
        </label>
        <input className="input num" inputMode="decimal" value={tp} disabled={!tpOn} aria-label="Take-profit: dollars on the premium" data-testid="option-ticket-tp" onChange={(e) => setTp(e.target.value)} />
      </div>
      <div className="field">
        <label className="check-field">
          <input type="checkbox" checked={slOn} data-testid="option-ticket-sl-on" onChange={(e) => setSlOn(e.target.checked)} />
          <span className="field-label">Stop − $</span>
        </label>
        <input className="input num" inputMode="decimal" value={sl} disabled={!slOn} aria-label="Stop: dollars off the premium" data-testid="option-ticket-sl" onChange={(e) => setSl(e.target.value)} />
      </div>
      <OptionTicketBox figures={figures} row={row} multiplier={multiplier} />
      {routing.ok ? (
        <p className="ticket-last muted" data-testid="option-ticket-account" data-broker={routing.account.broker}>
          {source.toUpperCase()} contract → {routing.account.name}
        </p>
      ) : (
        <div className="field-note is-refused" data-testid="option-ticket-route">
          <span>{routing.reason}</span>
          {routing.switchTo !== null && (
            <button type="button" className="button" data-testid="option-ticket-use-account" onClick={() => void accountsStore.getState().select(routing.switchTo?.id ?? '')}>
              Use {routing.switchTo.name}
            </button>
          )}
        </div>
      )}
      <button type="submit" className={buy ? 'button ticket-submit side-buy is-on' : 'button ticket-submit side-sell is-on'} disabled={sending || input === null || account === null} data-testid="option-ticket-send">
        {sending ? 'Sending…' : `${buy ? 'Buy' : 'Sell'} ${qty} ${parts.ok ? contractLabel(parts.value) : selection.symbol} @ ${limit}`}
      </button>
      {error !== null && <ErrorNote error={error} onDismiss={() => setError(null)} testId="option-ticket-error" />}
      {placed !== null && error === null && (
        <p className="ticket-last num muted" data-testid="option-ticket-result">
          {placed.side} {String(placed.qty)} {placed.symbol} limit {premiumText(placed.limitPrice)}: {placed.status}
        </p>
      )}
    </form>
  );
}
