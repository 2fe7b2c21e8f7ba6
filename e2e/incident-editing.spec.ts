import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('an incident is edited in the web app with the version guard: someone else’s change to other fields merges, a clash asks', async ({ page, browser, api, baseURL }) => {
  test.setTimeout(120_000);
  const incident = await api.createIncident({
    title: 'Checkout slow for EU customers',
    severity: 'sev3',
    services: ['checkout-api'],
    impactStartedAt: '2026-11-25T10:00:00+00:00',
    detectedAt: '2026-11-25T10:20:00+00:00',
  });
  const priya = await createPerson(api, 'responder', 'Priya Shah');
  const context = await signedInContext(browser, baseURL!, priya);
  const errors = trackErrors(context);
  const priyaPage = await context.newPage();

  // Ada starts editing: title, severity, commander, a responder without an account, a key timestamp.
  await page.goto(`/incidents/${incident.id}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit incident #${incident.id}` });
  await dialog.getByLabel('Title').fill('Checkout slow for EU customers after CDN change');
  await dialog.locator('label', { hasText: /^SEV2$/ }).click();
  await dialog.getByLabel('Incident commander').fill('pri');
  await page.getByRole('option', { name: 'Priya Shah' }).click();
  await dialog.getByLabel('Responders').fill('Sam (CDN vendor)');
  await page.getByRole('option', { name: 'Use “Sam (CDN vendor)” as a name' }).click();
  await dialog.getByLabel('Detected').fill('2026-11-25T11:15');

  // Meanwhile Priya renames it too and adds a label, from her own browser.
  await priyaPage.goto(`/incidents/${incident.id}`);
  await priyaPage.getByRole('button', { name: 'Edit' }).click();
  const priyaDialog = priyaPage.getByRole('dialog');
  await priyaDialog.getByLabel('Title').fill('EU checkout latency: CDN misrouting');
  const labels = priyaDialog.getByRole('combobox', { name: 'Labels' });
  await labels.fill('cdn');
  await labels.press('Enter');
  await priyaDialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(priyaDialog).toBeHidden();

  // Ada's page hears of it at once: the page behind the dialog shows the label, the dialog says who.
  await expect(dialog.getByTestId('incident-changed-meanwhile')).toContainText('Priya Shah saved this incident while you were editing');
  await screenshot(page, 'incident-edit-changed-meanwhile', { fullPage: false });

  // Saving: the title clashes and asks; her other changes and Priya's label merge without a question.
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByTestId('conflict-dialog');
  await expect(conflict.getByTestId('conflict-mine-title')).toContainText('Checkout slow for EU customers after CDN change');
  await expect(conflict.getByTestId('conflict-theirs-title')).toContainText('EU checkout latency: CDN misrouting');
  await screenshot(page, 'incident-edit-conflict', { fullPage: false });
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'Checkout slow for EU customers after CDN change' })).toBeVisible();
  const saved = await (await page.request.get(`/api/incidents/${incident.id}`)).json();
  expect(saved).toMatchObject({
    title: 'Checkout slow for EU customers after CDN change',
    severity: 'sev2',
    labels: ['cdn'],
    commander: { userId: priya.user.id, name: 'Priya Shah' },
    responders: [{ userId: null, name: 'Sam (CDN vendor)' }],
  });
  expect(Date.parse(saved.detectedAt)).toBe(Date.parse('2026-11-25T11:15:00+01:00'));
  // Priya's page follows without a reload.
  await expect(priyaPage.getByRole('heading', { name: 'Checkout slow for EU customers after CDN change' })).toBeVisible();
  await expect(priyaPage.getByTestId('last-activity')).toContainText('Ada Lindqvist changed');
  expect(errors).toEqual([]);
  await context.close();
});
