import { anonymousContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('single sign-on through the organisation’s OpenID provider signs a new person in', async ({ browser, api, baseURL }) => {
  const context = await anonymousContext(browser);
  const errors = trackErrors(context);
  const page = await context.newPage();

  await page.goto('/reviews');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freviews$/);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();

  // The provider's own login and consent pages (oidc-provider's development interactions).
  await expect(page.getByRole('heading', { name: 'Sign-in' })).toBeVisible();
  expect(new URL(page.url()).port).not.toBe(new URL(baseURL!).port);
  await page.locator('input[name="login"]').fill('maria.sso');
  await page.locator('input[name="password"]').fill('any password works at this provider');
  await screenshot(page, 'sso-provider-login', { fullPage: false });
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Authorize' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back in Hindsight, signed in with a new account that has the default role.
  await expect(page).toHaveURL(/\/incidents$/);
  const menu = page.getByTestId('user-menu');
  await expect(menu).toContainText('Maria Santos');
  await expect(menu.getByTestId('user-role')).toHaveText('Viewer');
  await expect(page.getByRole('link', { name: 'New incident' })).toHaveCount(0);
  await screenshot(page, 'sso-signed-in', { fullPage: false });

  const session = await page.request.get('/api/auth/session');
  expect(await session.json()).toMatchObject({ via: 'session', user: { email: 'maria.santos@example.com', singleSignOn: true, hasPassword: false } });
  const users = await api.users();
  expect(users.find((u) => u.email === 'maria.santos@example.com')).toMatchObject({ role: 'viewer', singleSignOn: true });

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await context.close();
});

test('a failed single sign-on is explained on the sign-in page', async ({ browser }) => {
  const context = await anonymousContext(browser);
  const page = await context.newPage();
  await page.goto('/sign-in?error=oidc_email_taken');
  const alert = page.getByTestId('sign-in-error');
  await expect(alert).toContainText('This email already has an account');
  await expect(alert).toContainText('Sign in with your password, or ask an admin.');
  await screenshot(page, 'sso-error', { fullPage: false });
  await page.goto('/sign-in?error=oidc_expired');
  await expect(alert).toContainText('The sign-in expired');
  await context.close();
});
