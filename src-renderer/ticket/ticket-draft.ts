import type { SymbolId } from '../../shared/domain/symbol';
import type { ExitSpec } from '../../shared/trading/exit-spec';
import type { OrderType, Side, TimeInForce } from '../../shared/trading/order';

/** How the ticket's size is given: a quantity, a notional in money, or a percent of buying power. */
export type SizeMode = 'qty' | 'notional' | 'percent';

/** An exit's unit as the trader picks it ('off': none). */
export type ExitUnit = 'off' | ExitSpec['kind'];

/** An exit as typed: its unit and the text of its value. */
export interface ExitDraft {
  readonly unit: ExitUnit;
  readonly value: string;
}

/** The ticket as the trader fills it in; numbers stay text until an order is built. */
export interface TicketDraft {
  /** A symbol typed on the ticket; null: the active pane's. */
  readonly symbol: SymbolId | null;
  readonly side: Side;
  readonly sizeMode: SizeMode;
  /** Empty: the default quantity of the instrument's asset class (settings.ticket.defaultQty). */
  readonly size: string;
  readonly type: OrderType;
  readonly limitPrice: string;
  readonly stopPrice: string;
  readonly tif: TimeInForce;
  readonly takeProfit: ExitDraft;
  readonly stopLoss: ExitDraft;
  /** Place even when the data gate says the symbol's data is stale (shown once the gate refused). */
  readonly overrideDataGate: boolean;
}

export const EXIT_UNITS: readonly { readonly unit: ExitUnit; readonly label: string }[] = [
  { unit: 'off', label: 'Off' },
  { unit: 'amount', label: '$ / unit' },
  { unit: 'ticks', label: 'Ticks' },
  { unit: 'percent', label: '%' },
  { unit: 'price', label: 'Price' },
];

export const SIZE_MODES: readonly { readonly mode: SizeMode; readonly label: string }[] = [
  { mode: 'qty', label: 'Qty' },
  { mode: 'notional', label: '$' },
  { mode: 'percent', label: '% BP' },
];

/** An exit spec from settings as the ticket shows it (null: off). */
export function exitDraftOf(spec: ExitSpec | null): ExitDraft {
  if (spec === null) return { unit: 'off', value: '' };
  switch (spec.kind) {
    case 'price':
      return { unit: 'price', value: String(spec.price) };
    case 'ticks':
      return { unit: 'ticks', value: String(spec.ticks) };
    case 'percent':
      return { unit: 'percent', value: String(spec.percent) };
    case 'amount':
      return { unit: 'amount', value: String(spec.amount) };
  }
}

/** A fresh ticket: buy at market for the default size, exits from the settings. */
export function freshDraft(takeProfit: ExitSpec | null, stopLoss: ExitSpec | null): TicketDraft {
  return {
    symbol: null,
    side: 'buy',
    sizeMode: 'qty',
    size: '',
    type: 'market',
    limitPrice: '',
    stopPrice: '',
    tif: 'gtc',
    takeProfit: exitDraftOf(takeProfit),
    stopLoss: exitDraftOf(stopLoss),
    overrideDataGate: false,
  };
}
