export { AccountsRepository, type StoredAccount } from './accounts-repository';
export { AuditLog, type AuditFilter, type AuditInput } from './audit-log';
export { ExecutionsRepository } from './executions-repository';
export { OrdersRepository, type OrderTransition } from './orders-repository';
export { TradingStateRepository, type TradingState } from './trading-state';
