import { expect, screenshot, test } from './fixtures/test.js';

test('an admin pings the worker, finds a failed job with its error among the dead ones, and retries it until it is done', async ({ page }) => {
  await page.goto('/incidents');
  await page.getByRole('group', { name: 'Administration' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  const rows = page.getByTestId('job-row');

  // A ping: done once a worker runs it.
  await page.getByRole('button', { name: 'Ping the worker' }).click();
  await expect(rows.first()).toContainText('system.ping');
  await expect(rows.first()).toContainText('Done');
  const pingId = await rows.first().getAttribute('data-job-id');

  // A failure drill: it fails each of its three attempts, retried with growing pauses, then is dead.
  await page.getByRole('button', { name: 'More ways to test the worker' }).click();
  await page.getByRole('menuitem', { name: /Failure drill/ }).click();
  await expect(rows.first()).not.toHaveAttribute('data-job-id', pingId!);
  const drill = page.locator(`[data-testid="job-row"][data-job-id="${await rows.first().getAttribute('data-job-id')}"]`);
  await expect(drill.getByTestId('job-error')).toContainText('Ping failed on purpose (attempt');
  await expect(drill).toContainText('Dead', { timeout: 30_000 });
  await expect(drill.getByTestId('job-error')).toHaveText('Ping failed on purpose (attempt 3; asked to fail 3)');
  await expect(drill).toContainText('3 of 3');
  await expect(page.getByTestId('count-dead')).toHaveText('1');

  // Only the dead ones; the schedules that run on their own are listed under the queue.
  await page.getByRole('tab', { name: /Dead/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/state=dead/);
  await expect(page.getByTestId('job-schedule').filter({ hasText: 'accounts.prune' })).toContainText('7 * * * *');
  await screenshot(page, 'jobs');

  // The job in full: its last error with the stack, and what it was given.
  await drill.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('job-last-error')).toContainText('Attempt 3 failed');
  await expect(drawer.getByTestId('job-last-error')).toContainText('system.jobs');
  await expect(drawer).toContainText('"failAttempts": 3');
  await screenshot(page, 'job-detail', { fullPage: false });

  // Retry: one more attempt, which succeeds.
  await drawer.getByRole('button', { name: 'Retry now' }).click();
  await expect(drawer.getByText('Done', { exact: true })).toBeVisible();
  await expect(drawer).toContainText('4 of 4');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /Done/ }).click();
  await expect(drill).toContainText('Done');
  await expect(page.getByTestId('count-dead')).toHaveText('0');
});
