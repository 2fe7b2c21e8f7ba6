import { expect, test } from './fixtures/test.js';

test('the service filter offers the known services as you type and matches by the starts of words', async ({ page, api }) => {
  const tok = `svc${Date.now().toString(36)}`;
  const match = await api.createIncident({ title: `Card payments declined ${tok}`, severity: 'sev3', services: [`${tok}payments-api`] });
  await api.createIncident({ title: `Search slow ${tok}`, severity: 'sev3', services: [`${tok}search`] });

  await page.goto('/incidents');
  const filter = page.getByRole('combobox', { name: 'Service' });
  await filter.fill(`${tok}payments`);
  await expect(page.getByRole('option', { name: `${tok}payments-api` })).toBeVisible();

  // Without picking: the words typed are enough.
  await expect(page).toHaveURL(new RegExp(`service=${tok}payments`));
  await expect(page.getByRole('link', { name: match.title })).toBeVisible();
  await expect(page.getByRole('link', { name: `Search slow ${tok}` })).toHaveCount(0);

  // Picking an offered name applies it at once.
  await filter.fill('');
  await filter.fill(`${tok}search`);
  await page.getByRole('option', { name: `${tok}search` }).click();
  await expect(page).toHaveURL(new RegExp(`service=${tok}search`));
  await expect(page.getByRole('link', { name: `Search slow ${tok}` })).toBeVisible();
  await expect(page.getByRole('link', { name: match.title })).toHaveCount(0);
});

test('a new incident offers the known services as you type, so that one service keeps one name', async ({ page, api }) => {
  const tok = `svc${Date.now().toString(36)}`;
  await api.createIncident({ title: `Ledger writes failing ${tok}`, severity: 'sev3', services: [`${tok}ledger-api`] });

  await page.goto('/incidents/new');
  const services = page.getByRole('combobox', { name: 'Services' });
  await services.fill(`${tok}ledg`);
  await page.getByRole('option', { name: `${tok}ledger-api` }).click();
  await expect(page.locator('.mantine-TagsInput-pill', { hasText: `${tok}ledger-api` })).toBeVisible();
  await expect(services).toHaveValue('');
});
