import fs from 'node:fs/promises';
import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a published review reaches the knowledge base, is counted as read, and downloads as a PDF', async ({ page, api }) => {
  test.setTimeout(120_000);
  const title = `Primary database failover stalled writes ${Date.now().toString(36)}`;
  const { incident, review } = await api.incidentWithReview({ title, services: ['orders-db'] });
  await api.updateReview(review.id, { version: review.version, summary: 'Writes stalled for 14 minutes while the replica was promoted.', learnings: 'Failover drills must include write traffic.' });
  await api.addEntries(incident.id, [{ occurredAt: '2026-03-10T09:05:00+01:00', kind: 'signal', text: 'Replication lag alert fired' }]);
  await api.addFactor(review.id, { kind: 'contributor', title: 'Promotion waited for a lagging replica', category: 'technical', tags: ['capacity'] });
  await api.addActionItem(review.id, { title: 'Alert on replication lag before failover' });

  // Publish through the workflow, as its owner would.
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await editor.publishWithoutMeeting();

  // The knowledge base lists it, with its service and factor category.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge base' }).click();
  await expect(page.getByRole('heading', { name: 'Knowledge base', level: 1 })).toBeVisible();
  const card = page.getByTestId('kb-review').filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('orders-db');
  await expect(card).toContainText('Technical');
  await expect(page.getByTestId('kb-this-month')).toContainText('Failover drills must include write traffic.');
  await screenshot(page, 'knowledge-base-home', { fullPage: false });

  // Opening it counts a read, which the most-read list shows.
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('review-document')).toContainText('Replication lag alert fired');
  await expect.poll(async () => (await api.knowledgeBase()).mostRead.find((entry) => entry.review.reviewId === review.id)?.reads ?? 0).toBe(1);

  // The PDF comes from the server.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-inc-${incident.id}-primary-database-failover-stalled-writes-[a-z0-9]+\\.pdf$`));
  const bytes = await fs.readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

  await page.goto('/knowledge-base');
  await expect(page.getByTestId('kb-most-read')).toContainText(title);
});
