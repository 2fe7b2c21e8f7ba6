import { ReviewEditor } from './pages/review-editor.js';
import { expect, test } from './fixtures/test.js';

test('fast entry keeps the day shown beside it: a line with its own date says so and does not move the day', async ({ page, api }) => {
  const { incident, review } = await api.incidentWithReview({ title: 'Fast entry day check', impactStartedAt: '2026-03-11T09:00:00+01:00' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  const day = page.getByLabel('Day');
  await expect(day).toHaveValue('2026-03-11');

  await editor.quickEntry.fill('2026-03-10 14:02 detection Disk alert on db-2 fired the night before');
  await expect(page.getByTestId('quick-entry-own-date')).toContainText('On its own date, 10 Mar 2026; the next lines stay on 11 Mar 2026');
  await editor.quickEntry.press('Enter');
  await expect(editor.quickEntry).toHaveValue('');
  await expect(day).toHaveValue('2026-03-11');

  await editor.addEntry('15:30 note Rollback finished on db-2');
  const entries = (await api.timeline(incident.id)).items;
  expect(entries.find((e) => e.text === 'Disk alert on db-2 fired the night before')?.occurredAt).toMatch(/^2026-03-10T14:02/);
  expect(entries.find((e) => e.text === 'Rollback finished on db-2')?.occurredAt).toMatch(/^2026-03-11T15:30/);
});
