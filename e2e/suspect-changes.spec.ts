import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures/test.js';
import { ReviewEditor } from './pages/review-editor.js';

/** Serious and critical axe-core violations inside `selector`, as rule ids. */
async function violationsIn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
}

test('deploys imported from a CSV show up as suspects on a review whose incident started soon after, and one goes onto the timeline in a click', async ({ page, api }) => {
  const service = `payments-${Date.now().toString(36)}`;
  const { review } = await api.incidentWithReview({
    title: 'Card payments declined',
    services: [service],
    impactStartedAt: '2026-05-12T10:00:00Z',
    resolvedAt: '2026-05-12T11:00:00Z',
  });
  const csv = [
    'deployed_at,service,description,author,url,environment',
    `2026-05-12T09:48:00Z,${service},Release 7.1: raise connection pool,alice,https://ci.example.com/runs/71,production`,
    `2026-05-09T09:00:00Z,${service},Release 7.0,bob,,production`,
  ].join('\n');

  await page.goto('/imports');
  await page.getByRole('link', { name: 'Import deploys and changes' }).click();
  await expect(page.getByRole('heading', { name: 'Import deploys and changes' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Changes' }).fill(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('table', { name: 'Changes read' }).getByRole('row')).toHaveCount(3);
  await expect(preview).toContainText('Release 7.1: raise connection pool');
  await screenshot(page, 'changes-import-preview');
  expect(await violationsIn(page, 'main')).toEqual([]);
  await page.getByRole('button', { name: 'Import 2 new changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('2 new changes imported');

  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  const card = page.getByRole('region', { name: 'Suspect changes' });
  const suspect = card.getByTestId('suspect-change');
  // Only the deploy of the day: the one three days earlier is outside the window.
  await expect(suspect).toHaveCount(1);
  await expect(suspect).toContainText(`deploy to ${service} 12 min before impact started`);
  await expect(suspect).toContainText('by alice');
  expect(await violationsIn(page, '[aria-label="Suspect changes"]')).toEqual([]);
  await suspect.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(suspect.getByText('On the timeline')).toBeVisible();
  await expect(suspect.getByRole('button', { name: 'Add to timeline' })).toHaveCount(0);
  await expect.poll(() => editor.rowTexts()).toContainEqual(expect.stringContaining(`Deploy to ${service} (production) by alice: Release 7.1`));
  await screenshot(page, 'suspect-changes');
});
