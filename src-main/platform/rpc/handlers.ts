import type {
  EventName,
  EventParams,
  EventPayload,
  MethodName,
  Params,
  Result,
} from '../../../shared/contract';

/** What a handler knows of the call it serves. */
export interface CallContext {
  /** Aborted when the call's client goes away: work done only for this reply may stop. */
  readonly signal: AbortSignal;
  /** Aborted when the client's session ends (work it started in the background may stop too). */
  readonly session: AbortSignal;
}

/** One function per contract method; params arrive already parsed. */
export type MethodHandlers = {
  readonly [M in MethodName]: (params: Params<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>;
};

/** What a source may ask about the subscriber it serves. */
export interface SubscriberContext {
  /** True while the subscriber's transport is backed up: coalesce rather than queue. */
  isBusy(): boolean;
  /** True once the subscriber has gone away (its subscriptions are being stopped): produce nothing more for it. */
  isClosed(): boolean;
}

/**
 * One source per contract event. It is called once per subscriber, must call
 * `emit` with a snapshot first (possibly later, once it is ready), and returns
 * the function that stops it. It may throw a ContractFailure to refuse.
 */
export type EventSources = {
  readonly [E in EventName]: (
    params: EventParams<E>,
    emit: (payload: EventPayload<E>) => void,
    subscriber: SubscriberContext,
  ) => () => void;
};
