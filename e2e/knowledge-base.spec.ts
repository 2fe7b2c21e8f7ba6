import fs from 'node:fs/promises';
import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a published review reaches the knowledge base, is counted as read, and downloads as a PDF', async ({ page, api }) => {
  test.setTimeout(120_000);
  const title = `Primary database failover stalled writes ${Date.now().toString(36)}`;
  // An earlier incident whose contributor this review's five-whys conclusion turns out to repeat (F18).
  const earlier = await api.incidentWithReview({ title: `Replica promotion lagged ${Date.now().toString(36)}`, impactStartedAt: '2026-01-10T09:00:00Z' });
  const earlierFactor = await api.addFactor(earlier.review.id, { kind: 'contributor', title: 'Failover drills skip write traffic', category: 'process' });
  const { incident, review } = await api.incidentWithReview({ title, services: ['orders-db'], impactStartedAt: '2026-03-10T08:50:00+01:00' });
  await api.addWhys(review.id, { title: 'Writes stalled', steps: [{ why: 'Why did writes stall?', because: 'The promotion waited.' }], systemicCause: 'Failover drills never include write traffic' });
  await api.updateReview(review.id, { version: review.version, summary: 'Writes stalled for 14 minutes while the replica was promoted.', learnings: 'Failover drills must include write traffic.' });
  await api.addEntries(incident.id, [{ occurredAt: '2026-03-10T09:05:00+01:00', kind: 'signal', text: 'Replication lag alert fired' }]);
  await api.addFactor(review.id, { kind: 'contributor', title: 'Promotion waited for a lagging replica', category: 'technical', tags: ['capacity'] });
  await api.addActionItem(review.id, { title: 'Alert on replication lag before failover' });

  // The chain's conclusion is linked to the earlier incident's factor, picked from the suggestions.
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  const chain = page.getByTestId('whys-chain');
  await chain.getByRole('button', { name: "Link to an earlier incident's factor" }).click();
  const dialog = page.getByRole('dialog', { name: "Link to an earlier incident's factor" });
  await dialog.getByLabel('Earlier factor').click();
  await page.getByRole('option', { name: new RegExp(`#${earlier.incident.id} Failover drills skip write traffic`) }).click();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(chain.getByTestId('whys-linked-factor')).toContainText(`#${earlier.incident.id} Failover drills skip write traffic`);
  expect(earlierFactor.id).toBeGreaterThan(0);

  // Publish through the workflow, as its owner would.
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
  await expect(page.getByTestId('review-document').getByTestId('whys-linked-factor')).toContainText(`Recurs: #${earlier.incident.id} Failover drills skip write traffic`);
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
