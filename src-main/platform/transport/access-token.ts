import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-run secret for `tapedeck serve` (192 bits, URL-safe). */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (given === null || given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
