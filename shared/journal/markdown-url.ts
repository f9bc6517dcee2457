/**
 * The only link targets journal Markdown keeps: absolute http(s) URLs with a
 * host, and mailto: addresses. Anything else (javascript:, data:, vbscript:,
 * file:, relative paths, protocol-relative //host, text with whitespace or
 * control characters that browsers strip before reading the scheme) is not a
 * link: its text is shown as text. Nothing is decoded here, so an
 * entity-escaped "&#106;avascript:" is just characters that fail the check.
 */
const HTTP = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][^\s]*)?$/i;
const MAILTO = /^mailto:[^\s@<>()]+@[A-Za-z0-9.-]+$/i;
// Control characters, whitespace (also the Unicode kinds), and the quote and angle brackets that could end an attribute.
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"'<>`\\]/;

export function safeHref(raw: string): string | null {
  const url = raw.trim();
  if (url.length === 0 || url.length > 2000 || UNSAFE_CHARS.test(url)) return null;
  return HTTP.test(url) || MAILTO.test(url) ? url : null;
}
