import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/support/pdf.js';
import { renderPdf } from './pdf.js';

const markdown = `# Database failover

Some **bold** and _italic_ text with \`code\` and a [link](https://example.com).

## Timeline

| Time | Event |
| --- | --- |
${Array.from({ length: 60 }, (_, i) => `| 09:${String(i).padStart(2, '0')} | Event number ${i} happened |`).join('\n')}

## Action items

- Add the missing index
- Alert on replication lag
  1. nested first
  2. nested second

> A quote

\`\`\`
code block
\`\`\`
`;

describe('renderPdf', () => {
  it('writes headings, tables across pages, lists, the title in the metadata and page numbers', async () => {
    const bytes = await renderPdf(markdown, { title: 'Incident #42: Database failover' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { title, pages } = await readPdf(bytes);
    expect(title).toBe('Incident #42: Database failover');
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (const text of ['Database failover', 'Timeline', 'Event number 0 happened', 'Event number 59 happened', 'Action items', 'Add the missing index', 'nested second', 'A quote', 'code block', 'bold']) {
      expect(all).toContain(text);
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('shows characters the standard fonts cannot encode as "?" instead of failing', async () => {
    const { pages } = await readPdf(await renderPdf('Café → 日本 – “done”', { title: 'Unicode' }));
    expect(pages[0]).toContain('Café ? ?? – “done”');
  });
});
