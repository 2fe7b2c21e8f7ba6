import { expect, screenshot, test } from './fixtures/test.js';

test('the next global review puts the major incidents since the last session in business-impact order, and takes notes and a decision', async ({ page, api }) => {
  const { since } = await api.globalReview();
  // Minutes after the previous session (at least two days ago with the default Tuesday/Thursday cadence).
  const at = (minutes: number) => new Date(Date.parse(since) + minutes * 60_000).toISOString();
  const suffix = Date.now().toString(36);
  const internal = await api.createIncident({ title: `Batch exports delayed ${suffix}`, severity: 'sev2', userFacing: false, impactStartedAt: at(1), mitigatedAt: at(200) });
  const customer = await api.createIncident({
    title: `Checkout failing ${suffix}`,
    severity: 'sev1',
    userFacing: true,
    impactStartedAt: at(2),
    mitigatedAt: at(40),
    customerImpact: 'Checkout failed for EU customers',
  });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Global review' }).click();
  await expect(page.getByRole('heading', { name: 'Global incident review', level: 1 })).toBeVisible();
  await expect(page.getByTestId('gr-when')).toContainText('(UTC)');

  // Customer-facing SEV1 first, whatever else the other journeys created meanwhile.
  const incidents = page.getByTestId('gr-incidents');
  await expect(incidents.getByRole('link', { name: new RegExp(suffix) })).toHaveText([`#${customer.id} Checkout failing ${suffix}`, `#${internal.id} Batch exports delayed ${suffix}`]);
  await expect(incidents).toContainText('customer-facing · SEV1 · 38 min of impact · Checkout failed for EU customers');
  await expect(incidents).toContainText('internal · SEV2 · 3 h 19 min of impact');

  const about = `Checkout failing ${suffix}`;
  await page.getByRole('button', { name: `Add notes on ${about}` }).click();
  await page.getByRole('textbox', { name: `Notes on ${about}` }).fill('Payment provider timeouts; no alert on the checkout error rate.');
  await page.getByRole('textbox', { name: `Decision on ${about}` }).fill('Fund checkout alerting this quarter');
  await incidents.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(incidents).toContainText('Decision: Fund checkout alerting this quarter');
  await expect(page.getByRole('button', { name: `Edit notes on ${about}` })).toBeVisible();
  await screenshot(page, 'global-review', { fullPage: true });

  // The notes stay with that session.
  await page.reload();
  await expect(page.getByTestId('gr-incidents')).toContainText('Payment provider timeouts; no alert on the checkout error rate.');
});
