import fs from 'node:fs';
import { expect, test } from './fixtures/test.js';

test('trends: filter by a service, follow a chart point to its incidents, download the numbers as CSV', async ({ page, api }) => {
  const tok = `trd${Date.now().toString(36)}`;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const ours = [];
  for (let i = 0; i < 2; i++) {
    ours.push(
      await api.createIncident({
        title: `Checkout latency ${tok} ${i}`,
        severity: 'sev2',
        services: [`${tok}checkout`],
        impactStartedAt: minutesAgo(300),
        detectedAt: minutesAgo(290 - i * 10),
        respondedAt: minutesAgo(280 - i * 10),
        resolvedAt: minutesAgo(120),
        status: 'resolved',
      }),
    );
  }
  const other = await api.createIncident({ title: `Search outage ${tok}`, severity: 'sev2', services: [`${tok}search`], impactStartedAt: minutesAgo(200) });

  await page.goto('/trends');
  await expect(page.getByRole('link', { name: 'Trends' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Service' }).fill(`${tok}checkout`);
  await expect(page).toHaveURL(new RegExp(`service=${tok}checkout`));
  await expect(page.locator('[data-trends-ready="true"]')).toBeVisible();

  const incidents = page.getByTestId('trend-incidents');
  await expect(incidents).toContainText('2 incidents in the period');

  // The numbers as a table, and as CSV.
  await incidents.locator('label').filter({ hasText: 'Table' }).click();
  await expect(incidents.getByRole('table')).toContainText('SEV2');
  const [download] = await Promise.all([page.waitForEvent('download'), incidents.getByRole('button', { name: /Download .* as CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe('incidents-by-severity.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Period,SEV1,SEV2,SEV3,SEV4,Total');
  expect(csv).toMatch(/,0,2,0,0,2\r\n$/);

  // A chart point opens the incidents behind it.
  await incidents.locator('label').filter({ hasText: 'Chart' }).click();
  await incidents.locator('.recharts-bar-rectangle path').first().click();
  await expect(page).toHaveURL(/\/incidents\?from=.*severity=sev2/);
  await expect(page).toHaveURL(new RegExp(`service=${tok}checkout`));
  for (const incident of ours) await expect(page.getByRole('link', { name: incident.title })).toBeVisible();
  await expect(page.getByRole('link', { name: other.title })).toHaveCount(0);
  await expect(page.getByText(/^Started from/)).toBeVisible();
});

test('trends: opened directly, the page asks for each trend once (early, while its code loads) and says how current they are', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/trends/')) asked.push(url.pathname + url.search);
  });
  await page.goto('/trends');
  await expect(page.locator('[data-trends-ready="true"]')).toBeVisible();
  const trends = ['incidents', 'durations', 'contributors', 'review-deadlines', 'action-items'].map((name) => `/api/trends/${name}`);
  expect(asked.sort()).toEqual([...trends, '/api/trends/backlog?workingDays=20'].sort());

  // The first screen is drawn at once; the charts below it follow while the browser is idle, unscrolled.
  await expect(page.getByTestId('trend-incidents').locator('.recharts-surface')).toBeVisible();
  await expect(page.locator('[data-drawing-deferred]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('trend-backlog').locator('.recharts-surface')).toHaveCount(1);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await expect(page.getByTestId('trends-as-of')).toContainText('Figures as of');
  await page.getByTestId('trends-as-of').getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => asked.length).toBe(12); // Refresh asks for all six again, computed now
  await expect(page.getByTestId('trends-as-of').getByRole('button', { name: 'Refresh' })).toBeEnabled();
});
