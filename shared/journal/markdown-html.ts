import type { MdBlock, MdInline } from './markdown-ast';
import { parseMarkdown } from './markdown-blocks';

/**
 * Markdown as an HTML string, for the self-contained report: every piece of
 * text and every attribute is escaped, the only elements are the ones the
 * tree has (no raw HTML survives: it was text all along), and links open in
 * a new tab with rel="noopener noreferrer nofollow". Their hrefs passed
 * safeHref when the tree was built.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function inline(nodes: readonly MdInline[]): string {
  return nodes
    .map((n): string => {
      switch (n.t) {
        case 'text':
          return escapeHtml(n.text);
        case 'em':
          return `<em>${inline(n.children)}</em>`;
        case 'strong':
          return `<strong>${inline(n.children)}</strong>`;
        case 'del':
          return `<del>${inline(n.children)}</del>`;
        case 'code':
          return `<code>${escapeHtml(n.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(n.href)}" rel="noopener noreferrer nofollow" target="_blank">${inline(n.children)}</a>`;
        case 'break':
          return '<br>';
      }
    })
    .join('');
}

function block(b: MdBlock): string {
  switch (b.t) {
    case 'heading':
      return `<h${String(b.level)}>${inline(b.children)}</h${String(b.level)}>`;
    case 'paragraph':
      return `<p>${inline(b.children)}</p>`;
    case 'codeblock':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'list': {
      const items = b.items.map((item) => `<li>${blocks(item)}</li>`).join('');
      return b.ordered ? `<ol${b.start === 1 ? '' : ` start="${String(b.start)}"`}>${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'quote':
      return `<blockquote>${blocks(b.children)}</blockquote>`;
    case 'rule':
      return '<hr>';
  }
}

function blocks(list: readonly MdBlock[]): string {
  return list.map(block).join('');
}

/** Markdown text → safe HTML. */
export function markdownToHtml(text: string): string {
  return blocks(parseMarkdown(text));
}
