/**
 * A fresh client order id for an order this window sends (≤ 48 characters,
 * letters, digits and "-"): the window's random tag, the time and a counter,
 * so two windows, or two clicks in one millisecond, never share one. The id
 * is made once per order, before it is sent: a retry of the same send (after
 * a time-out) reuses it and the core answers with the order it made.
 */
export function clientOrderIdMaker(random: () => number = Math.random, now: () => number = Date.now): () => string {
  const tag = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  let counter = 0;
  return () => {
    counter += 1;
    return `td-${tag}-${now().toString(36)}-${counter.toString(36)}`;
  };
}
