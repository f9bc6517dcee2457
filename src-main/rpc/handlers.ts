import type {
  EventName,
  EventParams,
  EventPayload,
  MethodName,
  Params,
  Result,
} from '../../shared/contract';

/** One function per contract method; params arrive already parsed. */
export type MethodHandlers = {
  readonly [M in MethodName]: (params: Params<M>) => Result<M> | Promise<Result<M>>;
};

/** What a source may ask about the subscriber it serves. */
export interface SubscriberContext {
  /** True while the subscriber's transport is backed up: coalesce rather than queue. */
  isBusy(): boolean;
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
