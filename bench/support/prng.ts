import { Rng } from '../../shared/random/seeded-random';

/** Uniform floats in (0, 1) from Tapedeck's seeded generator, so every run benchmarks the same data. */
export function prng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.uniform();
}
