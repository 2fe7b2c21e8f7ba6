import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a published review shared as a customer-safe link: redacted, readable signed out, gone once revoked', async ({ page, api, browser }) => {
  test.setTimeout(120_000);
  const { incident, review } = await api.incidentWithReview({ title: 'Checkout slow for forty minutes' });
  await api.updateReview(review.id, { version: review.version, summary: 'The connection pool on db-primary-03 filled up after a deploy; checkout requests queued until it was restarted.' });
  await api.addEntries(incident.id, [{ occurredAt: '2026-03-10T09:05:00Z', text: 'Checkout latency alert fired' }]);
  await api.addFactor(review.id, { kind: 'contributor', title: 'The pool size was not raised with the new traffic' });

  // Publish it, the way people do: the async review, then publishing without a meeting.
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await editor.publishWithoutMeeting();

  // Share: the preview highlights the internal host, redacted unless kept.
  await page.getByTestId('share-externally').click();
  const dialog = page.getByRole('dialog', { name: 'Share a customer-safe summary' });
  await dialog.getByTestId('share-preview').click();
  await expect(dialog.getByTestId('finding').filter({ hasText: 'db-primary-03' })).toBeVisible();
  await expect(dialog.getByTestId('summary-preview')).toContainText('The connection pool on [internal host] filled up');
  await screenshot(page, 'share-externally-preview', { fullPage: false });
  await dialog.getByTestId('share-create').click();
  const link = await dialog.getByTestId('shared-link').inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByTestId('external-summary-state').first()).toHaveText('active');

  // Someone without an account opens the link: the summary only, redacted.
  const outside = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reader = await outside.newPage();
  await reader.goto(link);
  const shared = reader.getByTestId('shared-summary');
  // A first visit loads the page's code; on a busy machine that can take a while.
  await expect(shared).toContainText('Checkout slow for forty minutes', { timeout: 30_000 });
  await expect(shared).toContainText('The connection pool on [internal host] filled up');
  await expect(shared).not.toContainText('db-primary-03');
  await expect(reader.getByRole('navigation')).toHaveCount(0);
  await screenshot(reader, 'shared-summary');

  // Revoked: the same link now says it does not work.
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog.getByTestId('external-summary-state').first()).toHaveText('revoked');
  await reader.reload();
  await expect(reader.getByTestId('shared-missing')).toBeVisible();
  await outside.close();
});
