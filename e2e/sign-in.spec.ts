import { anonymousContext, createPerson, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('someone with an account signs in with email and password, lands where they were going, and signs out', async ({ browser, api }) => {
  const person = await createPerson(api, 'responder', 'Priya Natarajan');
  const context = await anonymousContext(browser);
  const errors = trackErrors(context);
  const page = await context.newPage();

  // Not signed in: any page of the app asks to sign in first, remembering where they were going.
  await page.goto('/action-items?overdue=true');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faction-items%3Foverdue%3Dtrue$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in with Example SSO' })).toBeVisible();

  // A wrong password is refused without saying which of the two was wrong.
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the right passphrase');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('email address or password is not right');
  await screenshot(page, 'sign-in-failed', { fullPage: false });

  await page.getByRole('textbox', { name: 'Password' }).fill(person.password);
  await screenshot(page, 'sign-in', { fullPage: false });
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/action-items\?overdue=true$/);
  await expect(page.getByRole('heading', { name: 'Action items' })).toBeVisible();

  // The header says who is signed in, with their role.
  const menu = page.getByTestId('user-menu');
  await expect(menu).toContainText('Priya Natarajan');
  await expect(menu.getByTestId('user-role')).toHaveText('Responder');
  await menu.click();
  await expect(page.getByRole('menuitem', { name: 'API tokens' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Users' })).toHaveCount(0);
  await screenshot(page, 'signed-in-menu', { fullPage: false });

  // Signing out ends the session: the app asks to sign in again.
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/incidents');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fincidents$/);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await context.close();
});
