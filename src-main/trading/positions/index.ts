export { applyExecution, flatPosition, openPositions, positionKey, positionsFromExecutions } from './position-ledger';
export { accountTotals, cashOf, markOf, unrealizedPnl, type AccountTotals } from './position-marks';
