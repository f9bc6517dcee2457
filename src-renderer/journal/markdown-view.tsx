import { createElement, useMemo, type ReactElement, type ReactNode } from 'react';
import type { MdBlock, MdInline } from '../../shared/journal/markdown-ast';
import { parseMarkdown } from '../../shared/journal/markdown-blocks';

/**
 * Journal notes rendered from Markdown as React elements, never as HTML:
 * every piece of text is a text node (so "<script>" is shown, not run), the
 * only elements are the tree's, and links — whose hrefs passed safeHref
 * (http, https, mailto) — open in a new tab with rel="noopener noreferrer".
 */
function inline(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((n, i): ReactNode => {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'del':
        return <del key={i}>{inline(n.children)}</del>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.children)}
          </a>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

function block(b: MdBlock, key: number): ReactNode {
  switch (b.t) {
    case 'heading':
      return createElement(`h${String(b.level)}`, { key, className: 'md-heading' }, inline(b.children));
    case 'paragraph':
      return <p key={key}>{inline(b.children)}</p>;
    case 'codeblock':
      return (
        <pre key={key}>
          <code>{b.text}</code>
        </pre>
      );
    case 'list': {
      const items = b.items.map((item, i) => <li key={i}>{blocks(item)}</li>);
      return b.ordered ? (
        <ol key={key} start={b.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={key}>{blocks(b.children)}</blockquote>;
    case 'rule':
      return <hr key={key} />;
  }
}

function blocks(list: readonly MdBlock[]): ReactNode[] {
  return list.map((b, i) => block(b, i));
}

export interface MarkdownViewProps {
  readonly text: string;
  readonly testId?: string;
}

export function MarkdownView({ text, testId }: MarkdownViewProps): ReactElement {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="md" data-testid={testId}>
      {blocks(tree)}
    </div>
  );
}
