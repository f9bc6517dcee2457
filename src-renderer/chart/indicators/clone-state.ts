/**
 * A deep copy of a streaming indicator's state that keeps each object's
 * class (prototype), so the copy's methods work and its next update does
 * not touch the original. Copies plain objects, arrays and typed arrays;
 * numbers, strings and booleans are values. For the state of the shared
 * library's streams (shared/indicators), which keep their state in ordinary
 * fields: the unit tests hold every chart indicator's copy to the original
 * (a stream with `#private` fields would fail them, not the chart).
 */
export function cloneState<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Float64Array) return value.slice();
  if (Array.isArray(value)) return value.map(copy);
  const proto: unknown = Object.getPrototypeOf(value);
  const out = Object.create(proto as object | null) as Record<string, unknown>;
  for (const [key, field] of Object.entries(value)) out[key] = copy(field);
  return out;
}
