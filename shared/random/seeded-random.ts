/**
 * Seeded randomness for the simulated market: no Math.random, no clock.
 * splitmix32 is a tiny, fast, well-mixed 32-bit generator; independent
 * streams come from hashing (seed, symbol, day, minute) into a starting state,
 * so any part of history can be regenerated without replaying what came before.
 */

export const TWO_32 = 4294967296;

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines two 32-bit values into a new, well-mixed one (order matters). */
export function mix32(a: number, b: number): number {
  return fmix32(Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ fmix32((b + 0x7f4a7c15) | 0));
}

/** FNV-1a over the string's UTF-16 code units, finalised. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Folds any finite number (a user seed may exceed 32 bits or be fractional) into 32 bits. */
export function seed32(seed: number): number {
  if (Number.isSafeInteger(seed)) {
    const hi = Math.floor(seed / TWO_32);
    return mix32(seed >>> 0, hi >>> 0);
  }
  return hashString(String(seed));
}

/** splitmix32's output function: the uint32 drawn from an advanced state. */
export function mixState(state: number): number {
  let t = state ^ (state >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** A splitmix32 stream with Box-Muller normals. */
export class Rng {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Restarts the stream at `seed` (reuses the object on hot paths). */
  reseed(seed: number): void {
    this.state = seed | 0;
    this.hasSpare = false;
  }

  uint32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mixState(this.state);
  }

  /**
   * The raw state, for a hot loop that advances the stream itself
   * (`state = (state + 0x9e3779b9) | 0; mixState(state)` per draw) and hands
   * it back with importState. A normal's spare, if one is held, is untouched.
   */
  exportState(): number {
    return this.state;
  }

  importState(state: number): void {
    this.state = state | 0;
  }

  /** Uniform in the open interval (0, 1): safe to take the log of. */
  uniform(): number {
    return (this.uint32() + 0.5) / TWO_32;
  }

  /** Standard normal (Marsaglia's polar form of Box-Muller; the pair's second value is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}
