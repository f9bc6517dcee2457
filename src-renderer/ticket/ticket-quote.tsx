import type { ReactElement } from 'react';
import type { Quote } from '../../shared/trading/quote';
import { formatPrice } from '../../shared/trading/format-amount';

export interface TicketQuoteProps {
  readonly quote: Quote | null;
  readonly tickSize: number;
  readonly onPrice: (price: number) => void;
}

/** The live bid and ask of the ticket's symbol; a click puts that price in the limit field. */
export function TicketQuote({ quote, tickSize, onPrice }: TicketQuoteProps): ReactElement {
  const side = (label: string, price: number | null, testId: string, tone: string): ReactElement => (
    <button type="button" className={`ticket-quote-side ${tone}`} disabled={price === null} title={price === null ? undefined : `Use ${label.toLowerCase()} as the limit`} onClick={() => {
        if (price !== null) onPrice(price);
      }}>
      <span className="ticket-quote-label">{label}</span>
      <span className="num" data-testid={testId}>
        {price === null ? '—' : formatPrice(price, tickSize)}
      </span>
    </button>
  );
  return (
    <div className="ticket-quote" data-testid="ticket-quote" data-kind={quote?.kind ?? ''}>
      {side('Bid', quote?.bid ?? null, 'ticket-bid', 'tone-bad')}
      {side('Ask', quote?.ask ?? null, 'ticket-ask', 'tone-good')}
      {quote?.kind === 'synthetic' && <span className="tag tag-nofeed" title="Last price ± a half-spread: this feed has no book">SYN</span>}
    </div>
  );
}
