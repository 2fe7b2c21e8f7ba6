import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('timeline entries typed out of order are listed in time order, and corrections keep their history', async ({ page, api }) => {
  const { review } = await api.incidentWithReview({ title: 'Search results empty for logged-in users', impactStartedAt: '2026-11-20T14:00:00+01:00' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await page.getByLabel('Day').fill('2026-11-20');

  // Fast entry: one line per event, Enter adds it and focus stays in the input.
  await editor.addEntry('14:10 mitigation Rolled back search-indexer to 4.2.1');
  await editor.addEntry('14:02 detection PagerDuty alert: search p95 above 2s');
  await editor.addEntry('14:05 escalation Search on-call paged the indexing team');
  await editor.addEntry('14:01:30 signal Error rate on /search starts climbing');
  await expect(editor.quickEntry).toBeFocused();

  const texts = await editor.rowTexts();
  const order = ['Error rate on /search starts climbing', 'PagerDuty alert: search p95 above 2s', 'Search on-call paged the indexing team', 'Rolled back search-indexer to 4.2.1'];
  expect(texts.filter((t) => order.includes(t))).toEqual(order);

  // Correct an entry's time: it moves to its new place and the history shows the change.
  await editor.rows.filter({ hasText: 'Rolled back search-indexer' }).getByRole('button').click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('textbox', { name: 'Time', exact: true }).fill('2026-11-20T14:03:00');
  await drawer.getByLabel('Reason for the correction').fill('Deploy log shows the rollback at 14:03');
  await drawer.getByRole('button', { name: 'Save correction' }).click();
  await drawer.getByRole('tab', { name: /History/ }).click();
  await expect(drawer.getByTestId('entry-history')).toContainText('Deploy log shows the rollback at 14:03');
  await screenshot(page, 'timeline-entry', { fullPage: false });
  await page.keyboard.press('Escape');

  const after = (await editor.rowTexts()).filter((t) => order.includes(t));
  expect(after).toEqual([order[0], order[1], order[3], order[2]]);
  await expect(editor.rows.filter({ hasText: 'Rolled back search-indexer' })).toContainText('corrected');

  // Keyboard: arrows move between entries, Enter opens one.
  await editor.rows.first().getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('section-timeline').scrollIntoViewIfNeeded();
  await screenshot(page, 'timeline', { fullPage: false });
});
