import type { ReactElement } from 'react';
import { Panel } from '../app/panel';

/**
 * Placeholder for order entry. The real ticket sends paper orders (each with a
 * client order id) through the risk manager once the broker lands.
 */
export function OrderTicketPanel(): ReactElement {
  return (
    <Panel title="Order ticket" aside={<span className="tag tag-paper">PAPER</span>} className="ticket" testId="order-ticket">
      <form className="ticket-form" aria-disabled="true" onSubmit={(e) => {
          e.preventDefault();
        }}>
        <fieldset disabled className="ticket-fieldset">
          <div className="ticket-sides">
            <button type="button" className="button side-buy">Buy</button>
            <button type="button" className="button side-sell">Sell</button>
          </div>
          <label className="field">
            <span className="field-label">Type</span>
            <select className="input" defaultValue="market">
              <option value="market">Market</option>
              <option value="limit">Limit</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Quantity</span>
            <input className="input num" inputMode="decimal" placeholder="0" />
          </label>
          <label className="field">
            <span className="field-label">Limit price</span>
            <input className="input num" inputMode="decimal" placeholder="—" />
          </label>
          <button type="submit" className="button button-primary">Submit order</button>
        </fieldset>
      </form>
      <p className="placeholder-note">
        Order entry arrives with the paper broker: every order passes the risk manager (notional and position caps, daily
        loss limit, kill switch) first.
      </p>
    </Panel>
  );
}
