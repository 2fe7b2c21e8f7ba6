import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a responder makes a read-only API token, sees its secret once, uses it, and revokes it', async ({ browser, api, baseURL, playwright }) => {
  const person = await createPerson(api, 'responder', 'Tomasz Nowak');
  const context = await signedInContext(browser, baseURL!, person);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = trackErrors(context);
  const page = await context.newPage();

  await page.goto('/incidents');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(page.getByText('No API tokens yet')).toBeVisible();

  await page.getByRole('button', { name: 'New token' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Status page exporter');
  await dialog.getByRole('combobox', { name: 'Role ceiling' }).click();
  await expect(page.getByRole('option', { name: 'Admin' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Viewer' }).click();
  await dialog.getByRole('combobox', { name: 'Expires after' }).click();
  await page.getByRole('option', { name: '30 days' }).click();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  // The secret, once, with a copy button.
  const secret = dialog.getByTestId('token-secret');
  await expect(secret).toHaveText(/^hst_[A-Za-z0-9_-]{40,}$/);
  const token = (await secret.textContent())!;
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await screenshot(page, 'token-created', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId('token-row').filter({ hasText: 'Status page exporter' });
  await expect(row).toContainText('Viewer');
  await expect(row).toContainText('Active');
  await expect(page.getByText(token)).toHaveCount(0);

  // The token reads but, being a viewer, cannot write.
  const client = await playwright.request.newContext({ baseURL: baseURL!, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await client.get('/api/incidents')).status()).toBe(200);
  expect((await client.post('/api/incidents', { data: { title: 'Made by a read-only token' } })).status()).toBe(403);
  await page.reload();
  await expect(row).not.toContainText('Never');
  await screenshot(page, 'tokens', { fullPage: false });

  // Revoked: it stops working at once.
  await row.getByRole('button', { name: 'Revoke Status page exporter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  expect((await client.get('/api/incidents')).status()).toBe(401);
  await client.dispose();

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await context.close();
});
