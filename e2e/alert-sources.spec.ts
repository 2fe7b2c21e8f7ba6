import { expect, screenshot, test } from './fixtures/test.js';

test('an admin creates an alert source, copies its secret once, and sees the first signed delivery open an incident', async ({ page }) => {
  await page.goto('/incidents');
  await page.getByRole('group', { name: 'Administration' }).getByRole('link', { name: 'Alert sources' }).click();
  await expect(page.getByRole('heading', { name: 'Alert sources' })).toBeVisible();

  await page.getByRole('button', { name: 'New alert source' }).click();
  const form = page.getByRole('form', { name: 'New alert source' });
  // A name is required: said next to the field.
  await form.getByRole('button', { name: 'Create source' }).click();
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Production Alertmanager');
  await form.getByLabel('Service when the alert names none').fill('checkout');
  await form.getByRole('button', { name: 'Create source' }).click();

  // The secret, this once.
  const secretDialog = page.getByRole('dialog', { name: /Secret of Production Alertmanager/ });
  await expect(secretDialog).toContainText('it is not shown again');
  const url = (await secretDialog.getByLabel('Webhook URL', { exact: true }).textContent())!;
  const secret = (await secretDialog.getByLabel('Secret', { exact: true }).textContent())!;
  expect(url).toMatch(/\/api\/hooks\/alerts\/\d+$/);
  await screenshot(page, 'alert-source-secret', { fullPage: false });
  await secretDialog.getByRole('button', { name: 'Done' }).click();

  // Alertmanager's webhook, with the secret as its basic auth password.
  const delivery = {
    version: '4',
    groupKey: '{}:{alertname="CheckoutErrors"}',
    status: 'firing',
    receiver: 'hindsight',
    groupLabels: { alertname: 'CheckoutErrors' },
    commonLabels: { alertname: 'CheckoutErrors', severity: 'critical' },
    commonAnnotations: { summary: 'Checkout error rate above 5%' },
    externalURL: 'http://alertmanager.example:9093',
    alerts: [{ status: 'firing', labels: { alertname: 'CheckoutErrors', severity: 'critical' }, annotations: { summary: 'Checkout error rate above 5%' }, startsAt: new Date(Date.now() - 120_000).toISOString(), endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus.example/graph', fingerprint: 'a1b2c3' }],
  };
  const unsigned = await page.request.post(url, { data: delivery, headers: { authorization: '' } });
  expect(unsigned.status()).toBe(401);
  const signed = await page.request.post(url, { data: delivery, headers: { authorization: `Basic ${Buffer.from(`alertmanager:${secret}`).toString('base64')}` } });
  expect(signed.status()).toBe(200);

  const card = page.getByTestId('alert-source').filter({ hasText: 'Production Alertmanager' });
  await expect(card.getByTestId('alert-delivery').first()).toContainText('created', { timeout: 30_000 });
  await screenshot(page, 'alert-sources');
  await card.getByTestId('alert-delivery').first().getByRole('link').click();
  await expect(page.getByText('Checkout error rate above 5%').first()).toBeVisible();
});
