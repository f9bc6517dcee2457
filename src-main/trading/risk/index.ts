export { checkRisk, RULES } from './risk-manager';
export { orderIntent, positionFor } from './order-intent';
export { notional, valuationPrice } from './order-value';
export { dailyLossRule, dataGateRule, killSwitchRule } from './entry-gates';
export { openPositionsRule, orderNotionalRule, ordersPerMinuteRule, positionRule } from './order-limits';
export { tradingHoursRule } from './trading-hours';
export { RISK_RULES, type MarketState, type RiskContext, type RiskDecision, type RiskIntent, type RiskOrder, type RiskRefusal, type RiskRule } from './risk-types';
