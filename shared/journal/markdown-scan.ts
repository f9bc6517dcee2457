/**
 * One linear pass over a paragraph's text that the inline parser then reads
 * in O(log n) per question: which characters are backslash-escaped or inside
 * a code span, where each code span and bracket closes, where the next ">"
 * is, and where each emphasis delimiter may close. Without it, rescanning
 * for closers would make hostile input ("[[[[…", "_a _a _a …") quadratic.
 */
const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{N}]/u;

export const DELIMITERS = ['**', '__', '*', '_', '~~'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD.test(c);
export const isEscapable = (c: string | undefined): boolean => c !== undefined && ESCAPABLE.test(c);

export interface InlineScan {
  /** 1 where the character is escaped by the backslash before it. */
  readonly escaped: Uint8Array;
  /** 1 inside a code span (its backticks included). */
  readonly code: Uint8Array;
  /** At the first backtick of a code span: the index just past its closing run; else -1. */
  readonly codeEnd: Int32Array;
  /** At a "[": the index of its "]"; else -1. */
  readonly bracket: Int32Array;
  /** The index of the next ">" at or after i (s.length when none). */
  readonly nextGt: Int32Array;
  /** Where each delimiter may close, ascending. */
  readonly closers: ReadonlyMap<Delimiter, readonly number[]>;
}

/** The first value in the ascending `list` that is >= `min`, or -1. */
export function firstAtLeast(list: readonly number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? (list[lo] ?? -1) : -1;
}

function backtickRuns(s: string, escaped: Uint8Array): { start: number; len: number }[] {
  const runs: { start: number; len: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '`' || escaped[i] === 1) continue;
    let len = 1;
    while (s[i + len] === '`') len++;
    runs.push({ start: i, len });
    i += len - 1;
  }
  return runs;
}

export function scanInline(s: string): InlineScan {
  const n = s.length;
  const escaped = new Uint8Array(n);
  for (let i = 0; i < n - 1; i++) {
    if (s[i] === '\\' && isEscapable(s[i + 1])) {
      escaped[i + 1] = 1;
      i++;
    }
  }
  const code = new Uint8Array(n);
  const codeEnd = new Int32Array(n).fill(-1);
  const runs = backtickRuns(s, escaped);
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => {
    const list = byLength.get(r.len);
    if (list === undefined) byLength.set(r.len, [k]);
    else list.push(k);
  });
  let k = 0;
  while (k < runs.length) {
    const open = runs[k];
    if (open === undefined) break;
    const same = byLength.get(open.len) ?? [];
    const closeIndex = firstAtLeast(same, k + 1);
    const close = closeIndex < 0 ? undefined : runs[closeIndex];
    if (close === undefined) {
      k++;
      continue;
    }
    const end = close.start + close.len;
    codeEnd[open.start] = end;
    code.fill(1, open.start, end);
    k = closeIndex + 1;
  }
  const bracket = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (escaped[i] === 1 || code[i] === 1) continue;
    if (s[i] === '[') stack.push(i);
    else if (s[i] === ']') {
      const open = stack.pop();
      if (open !== undefined) bracket[open] = i;
    }
  }
  const nextGt = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) nextGt[i] = s[i] === '>' ? i : (nextGt[i + 1] ?? n);
  const closers = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  for (let i = 1; i < n; i++) {
    if (code[i] === 1 || escaped[i] === 1 || s[i - 1] === ' ' || s[i - 1] === '\n') continue;
    for (const d of DELIMITERS) {
      if (!s.startsWith(d, i) || (d.length === 2 && escaped[i + 1] === 1)) continue;
      if (d[0] === '_' && isWordChar(s[i + d.length])) continue;
      // A single * or _ that is part of a run of two or more closes nothing by itself.
      if (d.length === 1 && (s[i - 1] === d || s[i + 1] === d)) continue;
      closers.get(d)?.push(i);
    }
  }
  return { escaped, code, codeEnd, bracket, nextGt, closers };
}
