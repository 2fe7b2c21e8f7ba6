import { expect, screenshot, test } from './fixtures/test.js';

/** Three postmortems as teams write them: one states its zone, one does not, one has an entry whose time is lost. */
const files = [
  {
    name: '2026-07-14-database-failover.md',
    content: [
      '# Database failover during peak',
      '',
      'Severity: SEV2',
      '',
      '## Timeline',
      'All times in CET.',
      '',
      '- 2026-07-14 10:02 Replication lag alert fires',
      '- 10:15 Primary fails over to the replica',
      '- 10:40 Writes recover',
      '',
      '## Action items',
      '- [ ] Alert on replication lag before it reaches a minute',
      '',
    ].join('\n'),
  },
  {
    name: '2026-07-20-cache-stampede.md',
    content: [
      '# Cache stampede after deploy',
      '',
      '## Timeline',
      '- 2026-07-20 14:05 Cache hit rate drops after the deploy',
      '- 14:12 Origin latency alert pages the on-call engineer',
      '- 14:30 Cache warmed and latency back to normal',
      '',
      '## What went well',
      '- The latency alert paged within minutes',
      '',
    ].join('\n'),
  },
  {
    name: 'queue-backlog.txt',
    content: ['Queue backlog on 2026-08-02', '', 'All times in UTC.', '', 'Timeline', '', '- 09:00 Backlog starts growing', '- 09:20 Workers scaled out', '- [???] Backlog drained', ''].join('\n'),
  },
];

test('postmortems dropped on the Import page are previewed with warnings, read in the chosen zone, imported, and open as reviews with their timelines', async ({ page }) => {
  await page.goto('/incidents');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import postmortems' })).toBeVisible();

  const dataTransfer = await page.evaluateHandle((documents) => {
    const transfer = new DataTransfer();
    for (const { name, content } of documents) transfer.items.add(new File([content], name, { type: name.endsWith('.txt') ? 'text/plain' : 'text/markdown' }));
    return transfer;
  }, files);
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });

  const preview = page.getByRole('region', { name: 'Preview' });
  const stampede = preview.getByRole('region', { name: '2026-07-20-cache-stampede.md' });
  await expect(preview.getByRole('region')).toHaveCount(3);
  await expect(stampede.getByRole('alert')).toContainText('No time zone is stated');
  await expect(stampede.getByRole('table')).toContainText('2026-07-20 14:05 UTC');
  const backlog = preview.getByRole('region', { name: 'queue-backlog.txt' });
  await expect(backlog.getByRole('alert')).toContainText('"Backlog drained" has no known time');
  await expect(backlog.getByRole('table')).toContainText('time unknown');
  await expect(preview.getByRole('region', { name: '2026-07-14-database-failover.md' }).getByRole('table')).toContainText('2026-07-14 10:02 +02:00');
  await screenshot(page, 'import-preview');

  // The stampede's times were written in New York: say so and look again (July: −04:00).
  await page.getByRole('combobox', { name: 'Time zone of times without one' }).fill('America/New_York');
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(stampede.getByRole('table')).toContainText('2026-07-20 14:05 -04:00');
  await expect(stampede.getByText('No time zone is stated')).toHaveCount(0);

  await page.getByRole('button', { name: 'Import 3 files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('3 of 3 files imported');
  const result = page.getByRole('region', { name: 'Import result' });
  await result.getByRole('region', { name: '2026-07-20-cache-stampede.md' }).getByRole('link', { name: /Open review/ }).click();

  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  const timeline = page.getByTestId('section-timeline');
  await expect(timeline).toContainText('Cache hit rate drops after the deploy');
  await expect(timeline).toContainText('Cache warmed and latency back to normal');
  await expect(page.getByRole('group', { name: 'Attachments' })).toContainText('2026-07-20-cache-stampede.md');
});
