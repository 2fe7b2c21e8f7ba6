import type { Page } from '@playwright/test';
import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { seedDfdsReview } from './fixtures/scenario.js';
import { expect, screenshot, test } from './fixtures/test.js';

/** A write made from the viewer's page with their session cookie and CSRF token, as the web app would. */
async function writeAsPage(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { code: string; detail: string } };
    },
    { method, path, body },
  );
}

test('a viewer reads everything but sees no edit controls, and the API refuses their writes', async ({ browser, api, baseURL }) => {
  const { incident, review } = await seedDfdsReview(api);
  const [factor] = [await api.addFactor(review.id, { kind: 'contributor', title: 'De-registration delay on the ALB target groups was lowered' })];
  await api.addActionItem(review.id, { title: 'Run an ingress smoke test after every infrastructure pipeline', owner: 'Peter W.', factorIds: [factor!.id] });
  const active = await api.createIncident({ title: 'Webhook deliveries delayed by up to 20 minutes', severity: 'sev3' });
  const viewer = await createPerson(api, 'viewer', 'Vera Okafor');
  const context = await signedInContext(browser, baseURL!, viewer);
  const errors = trackErrors(context);
  const page = await context.newPage();

  // Lists: nothing to create, no admin pages.
  await page.goto('/incidents');
  await expect(page.getByTestId('incident-row').filter({ hasText: active.title })).toBeVisible();
  await expect(page.getByTestId('user-role')).toHaveText('Viewer');
  await expect(page.getByRole('link', { name: 'New incident' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await screenshot(page, 'viewer-incidents', { fullPage: false });

  // An open incident: no resolve, no review request, no access management.
  await page.goto(`/incidents/${active.id}`);
  await expect(page.getByRole('heading', { name: active.title })).toBeVisible();
  await expect(page.getByTestId('review-policy')).toBeVisible();
  await expect(page.getByTestId('incident-access')).toContainText('Open to everyone');
  for (const name of ['Resolve', 'Request a review', 'Manage access']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await screenshot(page, 'viewer-incident');

  // The review: the editor's address shows the read view.
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole('link', { name: 'Read the review' }).click();
  await expect(page.getByTestId('review-document')).toBeVisible();
  await page.goto(`/reviews/${review.id}`);
  await expect(page.getByTestId('review-document').getByRole('heading', { name: incident.title })).toBeVisible();
  await expect(page.getByTestId('review-document')).toContainText('Run an ingress smoke test');
  await expect(page.getByTestId('quick-entry')).toHaveCount(0);
  await expect(page.getByTestId('summary-input')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add (action item|contributor)/ })).toHaveCount(0);
  await screenshot(page, 'viewer-review');

  // Action items: statuses are shown, not editable.
  await page.goto('/action-items');
  await expect(page.getByTestId('action-row').filter({ hasText: 'Run an ingress smoke test' })).toContainText('Soaking');
  await expect(page.getByRole('combobox', { name: /^Status of/ })).toHaveCount(0);

  // Pages for other roles say so.
  await page.goto('/incidents/new');
  await expect(page.getByRole('heading', { name: 'Not available to you' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create incident' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('This page is for admins')).toBeVisible();
  await screenshot(page, 'viewer-forbidden', { fullPage: false });

  // The API refuses writes made with their session (403 for the role, not for a missing CSRF token), and still answers reads.
  const current = await api.review(review.id);
  const edit = await writeAsPage(page, 'PATCH', `/api/reviews/${review.id}`, { version: current.version, summary: 'Edited by a viewer' });
  expect(edit).toMatchObject({ status: 403, body: { code: 'forbidden', detail: 'This needs the responder role; you act as viewer' } });
  const create = await writeAsPage(page, 'POST', '/api/incidents', { title: 'Created by a viewer' });
  expect(create.status).toBe(403);
  const resolve = await writeAsPage(page, 'POST', `/api/incidents/${active.id}/resolve`, {});
  expect(resolve.status).toBe(403);
  expect((await page.request.get(`/api/incidents/${active.id}`)).status()).toBe(200);
  expect((await api.review(review.id)).summary).toBe(current.summary);

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await context.close();
});
