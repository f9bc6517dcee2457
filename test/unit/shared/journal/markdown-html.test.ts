import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../../shared/journal/markdown-html';
import { safeHref } from '../../../../shared/journal/markdown-url';

describe('journal notes in Markdown, rendered safely', () => {
  it('renders headings, emphasis, lists and links as HTML with every text and attribute escaped', () => {
    expect(markdownToHtml('# Plan\n\n**Entry** on the _retest_, see [chart](https://example.com/a?b=1&c=2).\n\n- one\n- two')).toMatchInlineSnapshot(`"<h1>Plan</h1><p><strong>Entry</strong> on the <em>retest</em>, see <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">chart</a>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>"`);
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img'],
    ['`<b>bold</b>`', '&lt;b&gt;'],
  ])('raw HTML %s stays text', (note, escaped) => {
    const html = markdownToHtml(note);
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<(script|img|b)\b/);
  });

  it.each(['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](data:text/html,<b>hi</b>)', '[x](vbscript:msgbox)', '[x](//evil.example)'])('a link %s is not made a link', (note) => {
    expect(markdownToHtml(note)).not.toMatch(/href=/);
  });

  it('a quote in a URL cannot open an attribute', () => {
    const html = markdownToHtml('[x](https://a.example/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });

  it('allows http(s) and mailto only', () => {
    expect(safeHref('https://example.com/x?y=1')).toBe('https://example.com/x?y=1');
    expect(safeHref('http://example.com')).toBe('http://example.com');
    expect(safeHref('mailto:trader@example.com')).toBe('mailto:trader@example.com');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', '//evil.example', 'https://a.example/"x', 'file:///etc/passwd']) expect(safeHref(bad), bad).toBeNull();
  });
});
