import { ReviewEditor } from './pages/review-editor.js';
import { expect, test } from './fixtures/test.js';

test('leaving the editor by a link while text is still unsaved waits for it to save, then goes on', async ({ page, api }) => {
  const { review } = await api.incidentWithReview({ title: 'Search returned no results after an index swap' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);

  // Typed, and a sidebar link clicked at once, before the autosave's pause has passed.
  const summary = 'Every storefront search returned nothing for 23 minutes after the nightly index swap.';
  await page.getByTestId('summary-input').fill(summary);
  await page.getByRole('navigation').getByRole('link', { name: 'Action items', exact: true }).first().click();

  await expect(page).toHaveURL(/\/action-items$/);
  await expect.poll(async () => (await api.review(review.id)).summary).toBe(summary);
});
