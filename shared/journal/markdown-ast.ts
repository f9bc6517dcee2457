/**
 * The journal's Markdown as a tree: the subset a trader writes in notes
 * (headings, paragraphs, emphasis, strong, strike-through, inline code, code
 * blocks, lists, quotes, rules, links, line breaks). There is no node for
 * raw HTML or images: such text stays text. A link's href has passed
 * safeHref (http, https and mailto only), so every renderer can trust it.
 */
export type MdInline =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'em'; readonly children: readonly MdInline[] }
  | { readonly t: 'strong'; readonly children: readonly MdInline[] }
  | { readonly t: 'del'; readonly children: readonly MdInline[] }
  | { readonly t: 'code'; readonly text: string }
  | { readonly t: 'link'; readonly href: string; readonly children: readonly MdInline[] }
  | { readonly t: 'break' };

export type MdBlock =
  | { readonly t: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly children: readonly MdInline[] }
  | { readonly t: 'paragraph'; readonly children: readonly MdInline[] }
  | { readonly t: 'codeblock'; readonly lang: string; readonly text: string }
  | { readonly t: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly MdBlock[])[] }
  | { readonly t: 'quote'; readonly children: readonly MdBlock[] }
  | { readonly t: 'rule' };
