/**
 * Deterministic ids for imported executions, so that importing the same file
 * again yields the same ids (the store keeps one row per id: nothing is added
 * twice) while two genuinely identical fills in one file stay two.
 *
 * id = "imp-" + FNV-1a 64 (hex) of account, the row's normalised content
 * (instant, symbol, side, quantity, price, fee, written as numbers, so "10"
 * and "10.00" are the same fill) and the occurrence index of that content
 * within the file (0 for the first identical row, 1 for the second …). The
 * same fill in two overlapping exports gets the same id, so overlapping
 * imports do not double it.
 *
 * Why FNV-1a 64 and not SHA-256: shared/ runs in the browser too, where
 * node:crypto is absent and WebCrypto is asynchronous; FNV-1a is a few lines,
 * synchronous and the same everywhere. It is not cryptographic: a crafted
 * file could collide on purpose, but the input is the user's own broker
 * export. For honest inputs 64 bits make an accidental collision negligible:
 * the birthday bound is n² / 2⁶⁵, about 3e-8 for a million fills in one
 * account, and ids only need to be unique within an account's executions.
 * Computed over the UTF-8 bytes with 16-bit limbs (no BigInt), and checked
 * against the reference vectors of the FNV authors.
 */

/** FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325 in 16-bit limbs, least significant first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    // × prime 0x100000001b3 = 2^40 + 0x1b3.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 0x3f));
      step(0x80 | ((c >> 6) & 0x3f));
      step(0x80 | (c & 0x3f));
    }
  }
  const hex = (x: number): string => x.toString(16).padStart(4, '0');
  return `${hex(h3)}${hex(h2)}${hex(h1)}${hex(h0)}`;
}

/** The fields that make two imported fills the same fill. */
export interface ImportedFillContent {
  readonly time: number;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly qty: number;
  readonly price: number;
  readonly fee: number;
}

/** The normalised content of a fill: numbers written by String (shortest round trip). */
export function fillContentKey(f: ImportedFillContent): string {
  return [String(f.time), f.symbol, f.side, String(f.qty), String(f.price), String(f.fee)].join('|');
}

/**
 * Gives each fill of one file its id in file order: identical contents get
 * occurrence 0, 1, 2 … so they stay distinct and stable.
 */
export class ImportIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly accountId: string) {}

  next(fill: ImportedFillContent): string {
    const content = fillContentKey(fill);
    const occurrence = this.seen.get(content) ?? 0;
    this.seen.set(content, occurrence + 1);
    return `imp-${fnv1a64(`${this.accountId}\u0000${content}\u0000${String(occurrence)}`)}`;
  }
}
