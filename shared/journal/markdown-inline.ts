import type { MdInline } from './markdown-ast';
import { firstAtLeast, isWordChar, scanInline, type Delimiter, type InlineScan } from './markdown-scan';
import { safeHref } from './markdown-url';

/**
 * Inline Markdown: `code`, **strong** / __strong__, *em* / _em_, ~~del~~,
 * [text](url), <https://autolink>, bare https:// URLs, backslash escapes of
 * punctuation and line breaks (every newline in a paragraph breaks the line,
 * as in chat and issue comments). A simplified reading of CommonMark: a
 * delimiter pairs with the next one that may close it; `_` only at word
 * edges (snake_case stays as written). Anything else, raw HTML included, is
 * text. Nesting stops at MAX_DEPTH (deeper text is text), and the scan
 * (markdown-scan.ts) keeps the work near-linear on hostile input.
 */
const MAX_DEPTH = 12;
const BARE_URL = /https?:\/\/[^\s<>"'`]{1,2000}/iy;

function pushText(out: MdInline[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.t === 'text') out[out.length - 1] = { t: 'text', text: last.text + text };
  else out.push({ t: 'text', text });
}

function pushAll(out: MdInline[], nodes: readonly MdInline[]): void {
  for (const node of nodes) {
    if (node.t === 'text') pushText(out, node.text);
    else out.push(node);
  }
}

/** A link destination `(url "title")` right after the "]" at `close`: the url and where it ends, or null. */
function destination(s: string, open: number, to: number): { url: string; end: number } | null {
  if (s[open] !== '(') return null;
  const close = s.indexOf(')', open + 1);
  if (close < 0 || close >= to) return null;
  const inner = s.slice(open + 1, close).trim();
  const url = (/^<([^>]*)>/.exec(inner)?.[1] ?? inner.split(/\s+/)[0] ?? '').trim();
  return { url, end: close + 1 };
}

function delimiterAt(s: string, i: number): Delimiter | null {
  const c = s[i];
  if (c === '*' || c === '_') return s[i + 1] === c ? (c === '*' ? '**' : '__') : c;
  if (c === '~' && s[i + 1] === '~') return '~~';
  return null;
}

function parseRange(s: string, scan: InlineScan, from: number, to: number, depth: number): MdInline[] {
  const out: MdInline[] = [];
  if (depth > MAX_DEPTH) {
    pushText(out, s.slice(from, to));
    return out;
  }
  let text = '';
  const flush = (): void => {
    pushText(out, text);
    text = '';
  };
  let i = from;
  while (i < to) {
    const c = s[i] ?? '';
    if (c === '\\' && i + 1 < to) {
      if (s[i + 1] === '\n') {
        flush();
        out.push({ t: 'break' });
        i += 2;
        continue;
      }
      if (scan.escaped[i + 1] === 1) {
        text += s[i + 1] ?? '';
        i += 2;
        continue;
      }
    }
    if (c === '\n') {
      text = text.replace(/ +$/, '');
      flush();
      out.push({ t: 'break' });
      i++;
      while (i < to && s[i] === ' ') i++;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const end = scan.codeEnd[i] ?? -1;
      if (end > 0 && end <= to) {
        let code = s.slice(i + run, end - run).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        flush();
        out.push({ t: 'code', text: code });
        i = end;
      } else {
        text += s.slice(i, i + run);
        i += run;
      }
      continue;
    }
    if (c === '[') {
      const close = scan.bracket[i] ?? -1;
      const dest = close > 0 && close < to ? destination(s, close + 1, to) : null;
      if (dest !== null) {
        const href = safeHref(dest.url);
        const children = parseRange(s, scan, i + 1, close, depth + 1);
        flush();
        if (href !== null) out.push({ t: 'link', href, children });
        else pushAll(out, children);
        i = dest.end;
        continue;
      }
    }
    if (c === '<') {
      const close = scan.nextGt[i + 1] ?? to;
      const href = close < to ? safeHref(s.slice(i + 1, close)) : null;
      if (href !== null) {
        flush();
        out.push({ t: 'link', href, children: [{ t: 'text', text: href.replace(/^mailto:/i, '') }] });
        i = close + 1;
        continue;
      }
    }
    if ((c === 'h' || c === 'H') && !isWordChar(s[i - 1])) {
      BARE_URL.lastIndex = i;
      const bare = BARE_URL.exec(s)?.[0].slice(0, to - i);
      const url = bare?.replace(/[.,;:!?)\]*_~]+$/, '');
      const href = url === undefined ? null : safeHref(url);
      if (url !== undefined && href !== null) {
        flush();
        out.push({ t: 'link', href, children: [{ t: 'text', text: url }] });
        i += url.length;
        continue;
      }
    }
    const d = scan.code[i] === 1 ? null : delimiterAt(s, i);
    if (d !== null) {
      const start = i + d.length;
      const opens = (d[0] !== '_' || !isWordChar(s[i - 1])) && start < to && s[start] !== ' ' && s[start] !== '\n';
      const close = opens ? firstAtLeast(scan.closers.get(d) ?? [], start + 1) : -1;
      if (close > start && close + d.length <= to) {
        flush();
        const children = parseRange(s, scan, start, close, depth + 1);
        out.push({ t: d === '~~' ? 'del' : d.length === 2 ? 'strong' : 'em', children });
        i = close + d.length;
        continue;
      }
      text += d;
      i += d.length;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** The inline nodes of one paragraph's (or heading's) text. */
export function parseInline(s: string): MdInline[] {
  return parseRange(s, scanInline(s), 0, s.length, 0);
}
