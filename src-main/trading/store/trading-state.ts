import { z } from 'zod';
import { epochMsSchema } from '../../../shared/domain/epoch';
import type { Db } from '../../platform/store/database';

/** Small state of trading that must survive a restart: the kill switch (it stays engaged), the active account. */
export const tradingStateSchema = z.object({
  killSwitch: z.object({ engaged: z.boolean(), since: epochMsSchema.nullable(), canceled: z.number().int(), flattened: z.number().int() }),
  activeAccountId: z.string().nullable(),
});
export type TradingState = z.infer<typeof tradingStateSchema>;

const KEY = 'trading';
const DEFAULT: TradingState = { killSwitch: { engaged: false, since: null, canceled: 0, flattened: 0 }, activeAccountId: null };

export class TradingStateRepository {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare('SELECT value FROM trading_state WHERE key = ?').pluck();
    this.upsert = db.prepare('INSERT INTO trading_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get(): TradingState {
    const text = this.select.get(KEY) as string | undefined;
    return text === undefined ? DEFAULT : tradingStateSchema.parse(JSON.parse(text));
  }

  set(state: TradingState): void {
    this.upsert.run(KEY, JSON.stringify(tradingStateSchema.parse(state)));
  }
}
