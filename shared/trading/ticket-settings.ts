import { z } from 'zod';
import { exitSpecSchema } from './exit-spec';

const size = z.number().positive().max(1e12);

/**
 * The order ticket's defaults (settings.ticket): the one-click size per asset
 * class, the take-profit and stop every new order starts with in the trader's
 * units (null: none), and whether an order asks for confirmation before it
 * is sent. Every field has its default, so `{}` is a whole section.
 */
export const ticketSettingsSchema = z
  .object({
    /** Quantity of a one-click or hotkey order, and of a fresh ticket, per asset class. */
    defaultQty: z
      .object({ crypto: size.default(0.001), equity: size.default(1), fx: size.default(1000), option: size.default(1) })
      .strict()
      .default({ crypto: 0.001, equity: 1, fx: 1000, option: 1 }),
    /** The take-profit armed on each entry's fill: +$0.10 per unit unless changed. */
    takeProfit: exitSpecSchema.nullable().default({ kind: 'amount', amount: 0.1 }),
    /** The stop armed on each entry's fill: none unless set. */
    stopLoss: exitSpecSchema.nullable().default(null),
    /** Ask before sending (the ticket, one-click and hotkeys). */
    confirm: z.boolean().default(false),
  })
  .strict();
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
