/**
 * A map of a paper state seen by one step: read through to the state's map,
 * copied on the step's first write to it. Most steps change one or two of
 * the state's maps, so the rest are shared with the state before (states
 * are never mutated once committed).
 */
export class CopyOnWriteMap<K, V> {
  private own: Map<K, V> | null = null;

  constructor(private readonly base: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    return (this.own ?? this.base).get(key);
  }

  has(key: K): boolean {
    return (this.own ?? this.base).has(key);
  }

  values(): IterableIterator<V> {
    return (this.own ?? this.base).values();
  }

  set(key: K, value: V): this {
    this.own ??= new Map(this.base);
    this.own.set(key, value);
    return this;
  }

  /** The map the step leaves: the state's own when it wrote nothing. */
  result(): ReadonlyMap<K, V> {
    return this.own ?? this.base;
  }
}
