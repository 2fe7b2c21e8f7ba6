import { createHmac } from 'node:crypto';
import { startFakeTrackers, trackerFixture, type FakeTrackers } from '../test/support/fake-trackers.js';
import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

/**
 * Tracker sync (F13): an admin connects GitHub (a local server answering with GitHub's recorded
 * responses), a responder makes an issue from an action item, GitHub closes it, and the item is done.
 */
let fake: FakeTrackers;
test.beforeAll(async () => {
  fake = await startFakeTrackers();
});
test.afterAll(async () => {
  await fake?.close();
});

test('an admin connects GitHub, a responder makes an issue from an action item, closing it in GitHub marks the item done', async ({ page, browser, api, baseURL }) => {
  test.setTimeout(180_000);
  const service = `payments-${Date.now()}`;

  // Settings → Trackers: connect, read the secret shown once, test the connection.
  await page.goto('/settings/trackers');
  await expect(page.getByRole('heading', { name: 'Trackers' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Connect tracker' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Payments GitHub');
  await dialog.getByRole('textbox', { name: /^API URL/ }).fill(`${fake.url}/github`);
  await dialog.getByRole('textbox', { name: /^Repository \(owner\/repo\)/ }).fill('acme/payments');
  await dialog.getByLabel(/^Token/).fill('ghp_e2e_token');
  const services = dialog.getByRole('combobox', { name: 'Services' });
  await services.fill(service);
  await services.press('Enter');
  await screenshot(page, 'tracker-connect', { fullPage: false });
  await dialog.getByRole('button', { name: 'Connect' }).click();
  const secretInput = page.getByTestId('webhook-secret');
  await expect(secretInput).not.toHaveValue('');
  const secret = await secretInput.inputValue();
  await screenshot(page, 'tracker-webhook-secret', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  const card = page.getByTestId('tracker-card').filter({ hasText: 'Payments GitHub' });
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByTestId('tracker-test-result')).toContainText('Connected to acme/payments');
  await screenshot(page, 'trackers-settings');
  const connection = ((await (await page.request.get('/api/trackers')).json()) as { items: Array<{ id: number; name: string }> }).items.find((c) => c.name === 'Payments GitHub')!;

  // A responder makes the issue from the review's action item.
  const { review } = await api.incidentWithReview({ title: 'Card payments declined for 40 minutes', services: [service] });
  await api.addActionItem(review.id, { title: 'Alert when the payment pool is saturated', status: 'accepted' });
  const responder = await createPerson(api, 'responder', 'Rui Costa');
  const context = await signedInContext(browser, baseURL!, responder);
  const errors = trackErrors(context);
  const responderPage = await context.newPage();
  await responderPage.goto(`/reviews/${review.id}`);
  const row = responderPage.getByTestId('action-item-row').filter({ hasText: 'Alert when the payment pool is saturated' });
  const createButton = row.getByRole('button', { name: 'Create issue in Payments GitHub (GitHub)' });
  await expect(createButton).toBeVisible({ timeout: 30_000 });
  await screenshot(responderPage, 'tracker-create-issue', { fullPage: false });
  await createButton.click({ timeout: 30_000 });
  const issue = row.getByTestId('tracker-issue');
  // "creating…" while the job runs, then the link (the machine is slow: wait on the state).
  await expect(issue).toContainText(/creating…|GitHub #/);
  await expect(issue).toContainText('GitHub #1', { timeout: 60_000 });
  await expect(issue).toContainText('open');
  expect(fake.issues.at(-1)).toMatchObject({ title: 'Alert when the payment pool is saturated', state: 'open' });
  expect(fake.issues.at(-1)!.body).toContain(`/reviews/${review.id}`);
  await screenshot(responderPage, 'tracker-issue-open');

  // GitHub closes the issue and says so with a signed issues.closed webhook.
  const payload = trackerFixture('github-webhook-issues-closed.json') as { issue: Record<string, unknown> } & Record<string, unknown>;
  payload.issue = { ...payload.issue, number: fake.issues.length, closed_at: new Date().toISOString(), updated_at: new Date().toISOString() };
  const body = JSON.stringify(payload);
  const delivered = await page.request.post(`/api/trackers/${connection.id}/webhook`, {
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'issues',
      'x-github-delivery': `e2e-${Date.now()}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    data: body,
  });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({ outcome: 'applied' });
  // The responder's open editor hears of it: the item is done, the issue closed.
  await expect(row.getByRole('combobox', { name: 'Status of Alert when the payment pool is saturated' })).toHaveValue('Done', { timeout: 30_000 });
  await expect(issue).toContainText('closed');
  await screenshot(responderPage, 'tracker-issue-closed');
  // Unsigned: refused.
  expect((await page.request.post(`/api/trackers/${connection.id}/webhook`, { headers: { 'content-type': 'application/json', 'x-github-event': 'issues' }, data: body })).status()).toBe(401);
  expect(errors).toEqual([]);
  await context.close();
});
