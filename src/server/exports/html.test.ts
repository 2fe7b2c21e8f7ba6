import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';

describe('renderHtml', () => {
  it('is a standalone page: its own CSS with print styles, nothing fetched', () => {
    const html = renderHtml('# Title\n\n![diagram](https://example.com/x.png)', { title: 'Review' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).toContain('diagram');
  });

  it('escapes what people wrote and keeps only safe links', () => {
    const html = renderHtml('Hi <script>alert(1)</script> & [bad](javascript:alert(1)) [good](https://example.com/?a=1&b="2")\n\n| a | b |\n| - | - |\n| <b>x</b> | y |', {
      title: '<script>alert("t")</script>',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">good</a>');
    expect(html).toContain('<td>&lt;b&gt;x&lt;/b&gt;</td>');
  });
});
