import type { Page } from '@playwright/test';
import { seedDfdsReview } from './fixtures/scenario.js';
import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

/** Scrolls to the bottom of the page, where the action items are. */
const scrollToEnd = (page: Page) => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

test('the editor keeps its state, next step, sections and quality in reach at 1,280 and 1,024 pixels', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { incident, review } = await seedDfdsReview(api);
  await api.addFactor(review.id, { kind: 'contributor', title: 'De-registration delay on the ALB target groups was permanently lowered' });
  await api.addActionItem(review.id, { title: 'Revert the ALB de-registration delay to the default', owner: 'Rasmus F.', dueDate: '2021-07-02' });
  const editor = new ReviewEditor(page);

  // 1,280: the sections and the quality panel sit in a sidebar that stays in view.
  await editor.goto(review.id);
  await expect(page.getByTestId('quality-panel')).toBeVisible();
  await screenshot(page, 'editor-1280', { fullPage: false });
  await scrollToEnd(page);
  await expect(page.getByTestId('editor-bar')).toBeInViewport();
  await expect(page.getByTestId('workflow-next')).toBeInViewport();
  await expect(page.getByRole('navigation', { name: 'Review sections' })).toBeInViewport();
  await screenshot(page, 'editor-1280-scrolled', { fullPage: false });
  // A jump lands on the section, below the sticky bar.
  await page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: /Incident summary/ }).click();
  await expect(page.getByTestId('summary-input')).toBeFocused();
  await expect(page.getByTestId('section-summary').getByRole('heading', { name: 'Summary' })).toBeInViewport();

  // 1,024: the sections move into the sticky bar, the quality panel into a drawer a click away.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByTestId('section-nav-bar')).toBeVisible();
  await screenshot(page, 'editor-1024', { fullPage: false });
  await scrollToEnd(page);
  await expect(page.getByTestId('section-nav-bar')).toBeInViewport();
  await expect(page.getByTestId('workflow-next')).toBeInViewport();
  await page.getByTestId('quality-button').click();
  await expect(page.getByTestId('quality-panel')).toBeInViewport();
  await screenshot(page, 'editor-1024-quality', { fullPage: false });
  await page.keyboard.press('Escape');
  await page.getByTestId('section-nav-bar').getByRole('button', { name: 'Timeline' }).click();
  await expect(editor.quickEntry).toBeFocused();
  await screenshot(page, 'editor-1024-scrolled', { fullPage: false });

  // The incident page and the action-items page at both widths, for a look.
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.getByTestId('review-policy')).toBeVisible();
    await screenshot(page, `incident-${width}`);
    await page.goto('/action-items');
    await expect(page.getByTestId('action-row').first()).toBeVisible();
    await screenshot(page, `action-items-${width}`);
  }
});
