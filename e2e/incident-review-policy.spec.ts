import { expect, screenshot, test } from './fixtures/test.js';

test('an incident created in the UI gets its review from the policy once resolved', async ({ page, api }) => {
  // A neighbour in the list, so the list is not empty when we look at it.
  await api.createIncident({ title: 'Checkout latency above SLO after cache eviction storm', severity: 'sev3', services: ['checkout-api'], labels: ['review-requested'] });

  await page.goto('/incidents/new');
  await page.getByLabel('Title').fill('Payments API returning 502 for card payments');
  await page.locator('label', { hasText: /^SEV2$/ }).click();
  await expect(page.getByRole('radio', { name: 'SEV2' })).toBeChecked();
  await page.getByRole('switch', { name: 'User-facing' }).check();
  await expect(page.getByRole('switch', { name: 'User-facing' })).toBeChecked();
  await page.getByLabel('Customer impact').fill('About 30% of card payments failed for 18 minutes; customers could retry.');
  const services = page.getByRole('combobox', { name: 'Services' });
  await services.fill('payments-api');
  await services.press('Enter');
  // Someone without an account: Enter takes the typed name (clicking the option works too; Enter
  // does not depend on where the list has moved to once accounts matching the search arrive).
  const commander = page.getByRole('combobox', { name: 'Incident commander' });
  await commander.fill('Priya Raman');
  await expect(page.getByRole('option', { name: 'Use “Priya Raman” as a name' })).toBeVisible();
  await commander.press('Enter');
  await expect(commander).toHaveValue('Priya Raman');
  await expect(page.getByRole('option', { name: 'Use “Priya Raman” as a name' })).toBeHidden();
  await page.getByLabel('Impact started').fill('2026-11-20T14:02');
  await page.getByLabel('Detected').fill('2026-11-20T14:09');
  await screenshot(page, 'new-incident');
  await page.getByRole('button', { name: 'Create incident' }).click();

  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Payments API returning 502 for card payments' })).toBeVisible();
  const policy = page.getByTestId('review-policy');
  await expect(policy.getByRole('heading', { name: 'Review required' })).toBeVisible();
  await expect(policy.getByTestId('policy-reason')).toContainText(/sev2/i);
  await expect(policy).toContainText('opens automatically when the incident is resolved');

  await page.getByRole('button', { name: 'Resolve' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resolve incident' }).click();
  await expect(policy.getByRole('link', { name: 'Open the review' })).toBeVisible();
  await expect(policy).toContainText('Draft');
  await expect(policy).toContainText('Priya Raman');
  await screenshot(page, 'incident');

  await page.goto('/incidents');
  const row = page.getByTestId('incident-row').filter({ hasText: 'Payments API returning 502' });
  await expect(row).toContainText('Resolved');
  await expect(row).toContainText('Draft');
  await screenshot(page, 'incidents');

  await row.getByRole('link', { name: /Open review of/ }).click();
  await expect(page.getByTestId('quick-entry')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Payments API returning 502 for card payments' })).toBeVisible();
  await page.goto('/reviews');
  await expect(page.getByTestId('review-row').filter({ hasText: 'Payments API returning 502' })).toBeVisible();
  await screenshot(page, 'reviews');
});
