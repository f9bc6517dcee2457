import { z } from 'zod';

/** A request/response pair: `params` are validated on the way in, `result` on the way out. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly description: string;
  readonly params: P;
  readonly result: R;
}

/**
 * A pushed stream. A client subscribes with `params`; every payload it then
 * receives carries a per-subscription sequence number starting at 1, so a gap
 * is detectable and answered by re-subscribing (which yields a fresh snapshot).
 */
export interface EventSpec<P extends z.ZodType = z.ZodType, T extends z.ZodType = z.ZodType> {
  readonly description: string;
  readonly params: P;
  readonly payload: T;
}

export function method<P extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<P, R>): MethodSpec<P, R> {
  return spec;
}

export function event<P extends z.ZodType, T extends z.ZodType>(spec: EventSpec<P, T>): EventSpec<P, T> {
  return spec;
}

/** Params for a method or event that takes none: absent, null or `{}`. */
export const noParams = z
  .union([z.undefined(), z.null(), z.object({}).strict()])
  .transform(() => ({}) as Record<string, never>);
