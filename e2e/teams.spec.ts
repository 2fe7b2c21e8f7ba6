import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures/test.js';

test('teams: an admin makes a team of services, then trends and the incidents behind them narrow to it', async ({ page, api }) => {
  const tok = `tm${Date.now().toString(36)}`;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const ours = [
    await api.createIncident({ title: `Card declines ${tok}`, severity: 'sev2', services: [`${tok}cards`], impactStartedAt: minutesAgo(300) }),
    await api.createIncident({ title: `Ledger lag ${tok}`, severity: 'sev2', services: [`${tok}ledger`], impactStartedAt: minutesAgo(250) }),
  ];
  const other = await api.createIncident({ title: `Search outage ${tok}`, severity: 'sev2', services: [`${tok}search`], impactStartedAt: minutesAgo(200) });

  await page.goto('/admin/teams');
  await page.getByRole('button', { name: 'New team' }).first().click();
  const form = page.getByRole('form', { name: 'New team' });
  await form.getByLabel('Name').fill(`Payments ${tok}`);
  await expect(form.getByLabel('Slug')).toHaveValue(`payments-${tok}`);
  const services = form.getByLabel('Services');
  for (const service of [`${tok}cards`, `${tok}ledger`]) {
    await services.fill(service);
    await services.press('Enter');
  }
  await form.getByRole('button', { name: 'Create team' }).click();
  const row = page.getByTestId('team-row').filter({ hasText: `Payments ${tok}` });
  await expect(row).toContainText(`${tok}cards`);
  await expect(row).toContainText(`${tok}ledger`);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.goto('/trends');
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: `Payments ${tok}` }).click();
  await expect(page).toHaveURL(new RegExp(`team=payments-${tok}`));
  await expect(page.locator('[data-trends-ready="true"]')).toBeVisible();
  const incidents = page.getByTestId('trend-incidents');
  await expect(incidents).toContainText('2 incidents in the period');

  await incidents.locator('.recharts-bar-rectangle path').first().click();
  await expect(page).toHaveURL(new RegExp(`/incidents\\?.*team=payments-${tok}`));
  for (const incident of ours) await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
  await expect(page.getByRole('link', { name: other.title })).toHaveCount(0);
  await expect(page.getByText(`Team: payments-${tok}`)).toBeVisible();
});
