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

/**
 * One source per contract event. It is called once per subscriber, must call
 * `emit` with a snapshot first, and returns the function that stops it.
 */
export type EventSources = {
  readonly [E in EventName]: (params: EventParams<E>, emit: (payload: EventPayload<E>) => void) => () => void;
};
