import type { MdBlock } from './markdown-ast';
import { parseInline } from './markdown-inline';

/**
 * Block Markdown: ATX headings (# … ######), fenced code (``` or ~~~),
 * rules (---, ***, ___), quotes (>), bullet (-, *, +) and ordered (1. or 1))
 * lists with indented continuation lines, and paragraphs. A simplified
 * CommonMark: no setext headings, no indented code blocks, no tables, no raw
 * HTML (it stays text). Quotes and lists nest at most MAX_DEPTH deep; deeper
 * lines are paragraphs.
 */
const MAX_DEPTH = 8;
/** Longer notes are cut here before parsing (the contract keeps notes far shorter). */
export const MAX_MARKDOWN_CHARS = 100_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])(?:[ \t]+(.*))?$/;

const isBlank = (line: string): boolean => line.trim() === '';

interface ItemStart {
  readonly ordered: boolean;
  readonly start: number;
  readonly marker: string;
  /** Columns of indentation the item's further lines need. */
  readonly indent: number;
  readonly first: string;
}

function itemStart(line: string): ItemStart | null {
  const m = ITEM.exec(line);
  if (m === null) return null;
  const lead = m[1] ?? '';
  const marker = m[2] ?? '';
  const first = m[4] ?? '';
  const ordered = m[3] !== undefined;
  const gap = line.length - lead.length - marker.length - first.length;
  return { ordered, start: ordered ? Number(m[3]) : 1, marker: ordered ? marker.slice(-1) : marker, indent: lead.length + marker.length + Math.min(Math.max(gap, 1), 4), first };
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || itemStart(line) !== null;
}

function paragraph(lines: readonly string[]): MdBlock {
  return { t: 'paragraph', children: parseInline(lines.map((l) => l.trim()).join('\n')) };
}

function parseBlocks(lines: readonly string[], depth: number): MdBlock[] {
  const out: MdBlock[] = [];
  // nextFilled[k]: the first line at or after k that is not blank (one pass, so long runs of blank lines stay linear).
  const nextFilled = new Int32Array(lines.length + 1).fill(lines.length);
  for (let k = lines.length - 1; k >= 0; k--) nextFilled[k] = isBlank(lines[k] ?? '') ? (nextFilled[k + 1] ?? lines.length) : k;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence !== null) {
      const mark = fence[1] ?? '```';
      const closing = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${String(mark.length)},}[ \\t]*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !closing.test(lines[i] ?? '')) body.push(lines[i++] ?? '');
      i++;
      out.push({ t: 'codeblock', lang: (fence[2] ?? '').slice(0, 32), text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      const level = Math.min(6, (heading[1] ?? '#').length) as 1 | 2 | 3 | 4 | 5 | 6;
      out.push({ t: 'heading', level, children: parseInline((heading[2] ?? '').trim()) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ t: 'rule' });
      i++;
      continue;
    }
    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i] ?? '')) {
        const l = lines[i] ?? '';
        const q = QUOTE.exec(l);
        if (q !== null) body.push(q[1] ?? '');
        else if (body.length > 0 && !startsBlock(l)) body.push(l);
        else break;
        i++;
      }
      out.push({ t: 'quote', children: parseBlocks(body, depth + 1) });
      continue;
    }
    const first = depth < MAX_DEPTH ? itemStart(line) : null;
    if (first !== null) {
      const items: MdBlock[][] = [];
      let current = first;
      for (;;) {
        const body = [current.first];
        i++;
        while (i < lines.length) {
          const l = lines[i] ?? '';
          const indent = l.length - l.trimStart().length;
          if (isBlank(l)) {
            const next = lines[nextFilled[i + 1] ?? lines.length];
            if (next === undefined || next.length - next.trimStart().length < current.indent) break;
            body.push('');
          } else if (indent >= current.indent) body.push(l.slice(current.indent));
          else if (!startsBlock(l) && !isBlank(body.at(-1) ?? '')) body.push(l);
          else break;
          i++;
        }
        items.push(parseBlocks(body, depth + 1));
        while (i < lines.length && isBlank(lines[i] ?? '')) i++;
        const next = i < lines.length ? itemStart(lines[i] ?? '') : null;
        if (next === null || next.ordered !== first.ordered || next.marker !== first.marker) break;
        current = next;
      }
      out.push({ t: 'list', ordered: first.ordered, start: first.start, items });
      continue;
    }
    const body: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i] ?? '') && !startsBlock(lines[i] ?? '')) body.push(lines[i++] ?? '');
    out.push(paragraph(body));
  }
  return out;
}

/** The blocks of a Markdown text (tabs count as four spaces). */
export function parseMarkdown(text: string): MdBlock[] {
  const lines = text
    .slice(0, MAX_MARKDOWN_CHARS)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\t/g, '    '));
  return parseBlocks(lines, 0);
}
