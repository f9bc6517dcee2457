export { Dispatcher, type CallOutcome, type Logger, type SubscribeOutcome } from './dispatcher';
export { ClientSession } from './client-session';
export { parseClientFrame, parseClientText, type FrameParse } from './frame-parser';
export type { EventSources, MethodHandlers, SubscriberContext } from './handlers';
