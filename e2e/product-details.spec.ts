import { expect, test } from './fixtures/test.js';

test('the read view shows time to respond; resolving without a mitigation time leaves it unknown and says so', async ({ page, api }) => {
  const incident = await api.createIncident({
    title: 'Queue backlog after broker upgrade',
    severity: 'sev2',
    userFacing: true,
    impactStartedAt: '2026-11-20T10:00:00+00:00',
    detectedAt: '2026-11-20T10:10:00+00:00',
    respondedAt: '2026-11-20T10:25:00+00:00',
  });
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('resolve-no-mitigation')).toContainText('No mitigation time is recorded');
  await page.getByRole('button', { name: 'Resolve incident' }).click();
  await expect(page.getByTestId('key-time-mitigatedAt-unknown')).toHaveText('Not recorded: time to mitigate unknown');
  const resolved = await (await page.request.get(`/api/incidents/${incident.id}`)).json();
  expect(resolved.mitigatedAt).toBeNull();

  await page.goto(`/reviews/${resolved.review.id}/read`);
  const stats = page.getByTestId('review-document').locator('dl.hs-stats');
  await expect(stats.getByText('Time to respond', { exact: true })).toBeVisible();
  await expect(stats.locator('div', { hasText: 'Time to respond' }).locator('dd')).toHaveText('25m 00s');
  await expect(stats.locator('div', { hasText: 'Time to mitigate' }).locator('dd')).toHaveText('Unknown');
});

test('action items are listed overdue first, then by due date, undated last; the priority dropdown has one scale', async ({ page, api }) => {
  const { review } = await api.incidentWithReview({ title: 'Action item order check' });
  const owner = `Order Owner ${Date.now().toString(36)}`;
  for (const [title, dueDate] of [
    ['Undated item', null],
    ['Due far ahead', '2099-06-01'],
    ['Overdue item', '2020-01-15'],
    ['Due soon', '2098-01-01'],
  ] as const) {
    await api.addActionItem(review.id, { title, owner, dueDate, status: 'accepted' });
  }
  await page.goto('/action-items');
  await page.getByRole('textbox', { name: 'Owner' }).fill(owner);
  const rows = page.getByRole('row').filter({ hasText: owner });
  await expect(rows).toHaveCount(4);
  await expect(rows).toHaveText([/Overdue item/, /Due soon/, /Due far ahead/, /Undated item/]);

  await page.goto(`/reviews/${review.id}`);
  await page.getByRole('button', { name: 'Add action item' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Priority' }).click();
  await expect(page.getByRole('option')).toHaveText(['P1 · urgent', 'P2 · high', 'P3 · normal', 'P4 · low']);
});
