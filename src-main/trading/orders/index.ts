export { isFinalStatus, isLiveStatus, isWorkingStatus, ORDER_EVENT_TYPES, transition, WORKING_STATUSES, type OrderEvent, type OrderEventType, type OrderProgress, type Transition } from './order-machine';
export { newEntryOrders, newOcoOrders, type OrderOrigin } from './order-factory';
export { reduceGroup } from './order-group';
export type { GroupContext, GroupEffect, GroupEvent, GroupOutcome, GroupResult } from './order-group-types';
