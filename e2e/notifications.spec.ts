import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a viewer chooses their notifications: per message and channel, a daily digest, Slack and services followed', async ({ browser, api, baseURL }) => {
  const person = await createPerson(api, 'viewer', 'Ines Duarte');
  const context = await signedInContext(browser, baseURL!, person);
  const errors = trackErrors(context);
  const page = await context.newPage();

  await page.goto('/incidents');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByTestId('notification-kind')).toHaveCount(12);
  const mentionEmail = page.getByRole('checkbox', { name: 'You were mentioned in a comment: e-mail' });
  await expect(mentionEmail).toBeChecked();

  await mentionEmail.uncheck();
  await page.getByRole('checkbox', { name: 'A review was published in a service you follow: Slack' }).check();
  await page.getByRole('switch', { name: /one digest a day/ }).check();
  await page.getByRole('combobox', { name: 'At' }).click();
  await page.getByRole('option', { name: '07:00' }).click();
  await page.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Copenhagen');
  await page.getByRole('combobox', { name: 'Services you follow' }).fill('checkout');
  await page.getByRole('combobox', { name: 'Services you follow' }).press('Enter');

  // A Slack member ID that is not one is refused, naming the field.
  await page.getByRole('textbox', { name: 'Your Slack member ID' }).fill('ines');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByText('must be a Slack member ID such as U024BE7LH')).toBeVisible();
  await page.getByRole('textbox', { name: 'Your Slack member ID' }).fill('U024BE7LH');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByText('Notification preferences saved')).toBeVisible();
  await screenshot(page, 'notification-preferences');

  // Kept: read again from the server.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'You were mentioned in a comment: e-mail' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'A review was published in a service you follow: Slack' })).toBeChecked();
  await expect(page.getByRole('switch', { name: /one digest a day/ })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'At' })).toHaveValue('07:00');
  await expect(page.getByRole('textbox', { name: 'Your Slack member ID' })).toHaveValue('U024BE7LH');
  await expect(page.getByText('checkout', { exact: true })).toBeVisible();
  const saved = await (await context.request.get('/api/me/notification-preferences')).json();
  expect(saved).toMatchObject({ version: 1, digest: { enabled: true, hour: 7, timeZone: 'Europe/Copenhagen' }, slackUserId: 'U024BE7LH', services: ['checkout'] });

  expect(errors, 'uncaught errors in the page').toEqual([]);
  await context.close();
});

test('an admin adds an outbound webhook endpoint, copies its secret shown once, and disables it', async ({ page }) => {
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await page.getByRole('button', { name: 'New endpoint' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'URL' }).fill('ftp://bots.example.com/hindsight');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(dialog.getByText('must be an http(s) URL')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'URL' }).fill('https://bots.example.com/hindsight');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Team bot');
  await dialog.getByRole('combobox', { name: 'Messages' }).click();
  await page.getByRole('option', { name: 'A review was published in a service you follow' }).click();
  await dialog.getByRole('combobox', { name: 'Messages' }).press('Escape'); // the list stays open for more picks
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();

  const secret = dialog.getByTestId('webhook-secret');
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  const value = (await secret.textContent())!;
  await screenshot(page, 'webhook-secret', { fullPage: false });
  await dialog.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('webhook-row').filter({ hasText: 'https://bots.example.com/hindsight' });
  await expect(row).toContainText('Team bot');
  await expect(row).toContainText('review.published');
  await expect(page.getByText(value)).toHaveCount(0);
  await row.locator('.mantine-Switch-track').click(); // the switch follows the server's answer
  await expect(row.getByRole('switch')).not.toBeChecked();
  await screenshot(page, 'webhooks');
  await row.getByRole('button', { name: 'Remove https://bots.example.com/hindsight' }).click();
  await expect(row).toHaveCount(0);
});
