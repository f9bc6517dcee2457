/** The wall clock, handed to whatever needs the time (the pure core never reads it itself). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Calls `fn` every `ms` milliseconds until the returned function is called. */
export type Ticker = (fn: () => void, ms: number) => () => void;

export const systemTicker: Ticker = (fn, ms) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** Calls `fn` once after `ms` milliseconds unless the returned function is called first. */
export type Timer = (fn: () => void, ms: number) => () => void;

export const systemTimer: Timer = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
};
