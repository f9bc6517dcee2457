export { Dispatcher, type CallOutcome, type Logger, type SubscribeOutcome } from './dispatcher';
export { ClientSession } from './client-session';
export { binaryRequestIdOf, parseClientBinary, parseClientFrame, parseClientText, requestIdOf, type FrameParse } from './frame-parser';
export type { CallContext, EventSources, MethodHandlers, SubscriberContext } from './handlers';
export { CLIENT_LIMITS, type ClientLimits } from './client-limits';
