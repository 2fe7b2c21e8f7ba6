import { expect, screenshot, test } from './fixtures/test.js';

test('an admin adds a colleague, changes their role, disables them, and finds each change in the audit log', async ({ page, api }) => {
  const email = `lena.${Date.now().toString(36)}@example.com`;
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row').filter({ hasText: 'Ada Lindqvist' })).toContainText('(you)');

  // A new responder with a password.
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Lena Fischer');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('textbox', { name: 'Password' }).fill('short');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('Must be at least 12 characters')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Password' }).fill('lena has a long passphrase');
  await screenshot(page, 'users-new', { fullPage: false });
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row.getByRole('combobox', { name: 'Role of Lena Fischer' })).toHaveValue('Responder');
  await expect(row).toContainText('Password');

  // Promote to admin, then disable.
  await row.getByRole('combobox', { name: 'Role of Lena Fischer' }).click();
  await page.getByRole('option', { name: 'Admin' }).click();
  await expect(row.getByRole('combobox', { name: 'Role of Lena Fischer' })).toHaveValue('Admin');
  await row.getByRole('button', { name: 'Actions for Lena Fischer' }).click();
  await page.getByRole('menuitem', { name: 'Disable and sign out' }).click();
  await expect(row).toContainText('Disabled');
  await screenshot(page, 'users');
  const lena = (await api.users()).find((u) => u.email === email)!;
  expect(lena).toMatchObject({ role: 'admin', disabled: true });

  // The audit log: filter by the user, open the role change, read its before and after.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Entity type' }).click();
  await page.getByRole('option', { name: 'User', exact: true }).click();
  await page.getByRole('textbox', { name: 'Entity id' }).fill(String(lena.id));
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(3);
  // Said in words, never as internal action names.
  await expect(entries.nth(0)).toContainText(`disabled user #${lena.id}`);
  await expect(entries.nth(1)).toContainText(`changed the role of user #${lena.id}`);
  await expect(entries.nth(2)).toContainText(`created user #${lena.id}`);
  await expect(page.getByTestId('audit-summary').filter({ hasText: /user\.[a-z_]+/ })).toHaveCount(0);
  await entries.nth(1).getByRole('button', { name: /Changed the role of/ }).click();
  const diff = entries.nth(1).getByTestId('audit-diff');
  await expect(diff.getByRole('row', { name: /^Role responder admin$/ })).toBeVisible();
  await expect(diff).not.toContainText('argon2');
  await expect(page).toHaveURL(new RegExp(`entityType=user&entityId=${lena.id}`));
  await screenshot(page, 'audit');

  // Filtering by action prefix and by day.
  await page.getByRole('combobox', { name: 'Action' }).fill('user.create');
  await expect(entries).toHaveCount(1);
});
