import { isOpenAt } from '../../../shared/market/sessions';
import type { RiskContext, RiskRefusal } from './risk-types';

/**
 * US equities and their options trade in the regular session only (09:30 to
 * the close, 16:00 or an early 13:00, New York time, on exchange days:
 * shared/market/sessions.ts), when the account says so. Crypto and FX are
 * not held to it.
 */
export function tradingHoursRule(ctx: RiskContext): RiskRefusal | null {
  const cls = ctx.instrument.assetClass;
  if (!ctx.settings.usEquityHoursOnly || (cls !== 'equity' && cls !== 'option')) return null;
  if (isOpenAt('us-equity', ctx.now)) return null;
  const what = cls === 'equity' ? 'US equities' : 'US options';
  return { rule: 'trading_hours', field: '', message: `${what} trade in the regular session only (09:30-16:00 New York, exchange days): the market is closed now` };
}
