import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

const title = 'Payroll export shared salary data with the wrong team';

test('a restricted incident is visible to its members only: not in lists, by URL or through the API for anyone else', async ({ browser, api, baseURL }) => {
  const mei = await createPerson(api, 'responder', 'Mei Chen');
  const noor = await createPerson(api, 'responder', 'Noor Haddad');
  const ravi = await createPerson(api, 'responder', 'Ravi Kumar');
  await api.createIncident({ title: 'Billing dashboard slow to load', severity: 'sev4' });

  // Mei records the incident as restricted, then adds Noor as a member.
  const meiContext = await signedInContext(browser, baseURL!, mei);
  const errors = trackErrors(meiContext);
  const page = await meiContext.newPage();
  await page.goto('/incidents/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('switch', { name: 'Restricted' }).check();
  await expect(page.getByRole('switch', { name: 'Restricted' })).toBeChecked();
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const incidentId = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByTestId('restricted-badge')).toBeVisible();
  const access = page.getByTestId('incident-access');
  await expect(access).toContainText('Mei Chen');

  await access.getByRole('button', { name: 'Manage access' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Members' }).fill('noor');
  await page.getByRole('option', { name: 'Noor Haddad' }).click();
  await dialog.getByText('Who may see it while it is restricted').click();
  await screenshot(page, 'restricted-manage-access', { fullPage: false });
  await dialog.getByRole('button', { name: 'Save access' }).click();
  await expect(dialog).toBeHidden();
  await expect(access.getByTestId('incident-members')).toContainText('Noor Haddad');
  await screenshot(page, 'restricted-incident');
  const review = (await api.incidentReview(incidentId)).review ?? (await api.requestReview(incidentId));

  // Ravi, a responder who is not a member: not in the list, "not found" by URL, 404 from the API.
  const raviContext = await signedInContext(browser, baseURL!, ravi);
  const raviPage = await raviContext.newPage();
  await raviPage.goto('/incidents');
  await expect(raviPage.getByTestId('incident-row').filter({ hasText: 'Billing dashboard slow to load' })).toBeVisible();
  await expect(raviPage.getByTestId('incident-row').filter({ hasText: title })).toHaveCount(0);
  await raviPage.goto(`/incidents/${incidentId}`);
  await expect(raviPage.getByText('This incident does not exist')).toBeVisible();
  await expect(raviPage.getByText(title)).toHaveCount(0);
  await screenshot(raviPage, 'restricted-not-found', { fullPage: false });
  await raviPage.goto(`/reviews/${review.id}`);
  await expect(raviPage.getByText('This review does not exist')).toBeVisible();
  for (const path of [`/api/incidents/${incidentId}`, `/api/incidents/${incidentId}/access`, `/api/reviews/${review.id}`, `/api/incidents/${incidentId}/timeline`]) {
    expect((await raviPage.request.get(path)).status(), path).toBe(404);
  }
  const list = (await (await raviPage.request.get(`/api/incidents?q=${encodeURIComponent('Payroll export')}`)).json()) as { items: unknown[] };
  expect(list.items).toEqual([]);

  // Noor, a member: listed with a lock, readable, and the API answers.
  const noorContext = await signedInContext(browser, baseURL!, noor);
  const noorPage = await noorContext.newPage();
  await noorPage.goto('/incidents');
  const row = noorPage.getByTestId('incident-row').filter({ hasText: title });
  await expect(row.getByTestId('restricted-icon')).toBeVisible();
  await expect(noorPage.getByTestId('incident-row').filter({ hasText: 'Billing dashboard slow to load' }).getByTestId('restricted-icon')).toHaveCount(0);
  await screenshot(noorPage, 'restricted-list', { fullPage: false });
  await row.getByRole('link', { name: title, exact: true }).click();
  await expect(noorPage.getByRole('heading', { name: title })).toBeVisible();
  await expect(noorPage.getByTestId('restricted-badge')).toBeVisible();
  expect((await noorPage.request.get(`/api/incidents/${incidentId}`)).status()).toBe(200);
  expect((await noorPage.request.get(`/api/reviews/${review.id}`)).status()).toBe(200);

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await Promise.all([meiContext.close(), raviContext.close(), noorContext.close()]);
});
