import { expect, test } from './fixtures/test.js';

test('a field’s error goes as soon as the field is valid, on the setup form and the incident form', async ({ page }) => {
  // The setup form only shows on a fresh install: the status answer is faked, nothing is submitted to it.
  await page.route('**/api/setup', (route) => (route.request().method() === 'GET' ? route.fulfill({ json: { needed: true } }) : route.abort()));
  await page.goto('/setup');
  const form = page.getByRole('form', { name: 'Set up Hindsight' });
  await form.getByLabel('Email').fill('ada@');
  await form.getByRole('button', { name: 'Create admin account' }).click();
  const name = form.getByLabel('Your name');
  const email = form.getByLabel('Email');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-invalid', 'true');

  await name.fill('Ada Lovelace');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-invalid', 'true'); // still wrong: its error stays
  await email.fill('ada@example.com');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await page.unroute('**/api/setup');

  // The incident form follows the same rule.
  await page.goto('/incidents/new');
  await page.getByRole('button', { name: 'Create incident' }).click();
  const title = page.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.fill('Checkout requests failing with 503');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Required', { exact: true })).toHaveCount(0);
});
