import { expect, test } from './fixtures/test.js';

// The browser runs in Europe/Copenhagen (playwright.config.ts); the server's calendar zone is the default, UTC.
test('a deadline shows the calendar day it was set for, east of UTC too, with the exact instant on hover', async ({ page, api }) => {
  // A retry makes its own incident and item: the first attempt's, of the same titles, would match twice.
  const retry = test.info().retry ? ` (retry ${test.info().retry})` : '';
  const title = `Due-date day shift check${retry}`;
  const itemTitle = `Alert on connection pool saturation for due-dates-api${retry}`;
  const { incident, review } = await api.incidentWithReview({ title, services: ['due-dates-api'] });
  await api.updateReview(review.id, { version: review.version, dueAt: '2026-12-08T23:59:59.999Z' });
  await api.addActionItem(review.id, { title: itemTitle, dueDate: '2026-12-07' });

  // Reviews list.
  await page.goto('/reviews');
  const row = page.getByTestId('review-row').filter({ hasText: title });
  await expect(row.getByTestId('due-day')).toHaveText('8 Dec 2026');
  await expect(row.getByTestId('due-day')).toHaveAttribute('title', '2026-12-08T23:59:59.999Z');
  await row.getByTestId('due-day').hover();
  await expect(page.getByRole('tooltip')).toContainText('2026-12-08T23:59:59.999Z');

  // Incident page.
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByTestId('due-day')).toHaveText('8 Dec 2026');

  // Editor: the header and the due-date field show the same day.
  await page.goto(`/reviews/${review.id}`);
  await expect(page.getByTestId('due-day').first()).toHaveText('8 Dec 2026');
  await expect(page.locator('input[name="dueAt"]')).toHaveValue('2026-12-08');

  // Read view.
  await page.goto(`/reviews/${review.id}/read`);
  await expect(page.getByTestId('review-document').getByTestId('due-day')).toHaveText('8 Dec 2026');

  // Action items page.
  await page.goto('/action-items');
  await expect(page.getByRole('row').filter({ hasText: itemTitle })).toContainText('7 Dec 2026');
});
