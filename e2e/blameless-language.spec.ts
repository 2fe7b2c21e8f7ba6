import { expect, screenshot, screenshotsDir, test } from './fixtures/test.js';
import { seedDfdsReview } from './fixtures/scenario.js';
import { ReviewEditor } from './pages/review-editor.js';

const BLAMING = 'The outage happened because Bob should have checked the config.';

test('blaming phrasing gets a calm finding with a systemic reframing, and the review shows its quality score', async ({ page, api }) => {
  const { review } = await seedDfdsReview(api);
  const contributor = await api.addFactor(review.id, { kind: 'contributor', title: 'Configuration changes reach production without a second review' });
  await api.addActionItem(review.id, { title: 'Improve monitoring' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);

  // Typing a blaming sentence: the finding appears under the field without saving anything.
  await page.getByTestId('summary-input').pressSequentially(BLAMING, { delay: 5 });
  const hints = editor.section('summary').getByRole('note', { name: 'Phrasing advice' });
  await expect(hints).toBeVisible();
  const finding = hints.getByTestId('language-finding').first();
  await expect(finding.getByTestId('language-excerpt')).toContainText('Bob should have');
  await expect(finding).toContainText('only obvious in hindsight');
  await finding.getByRole('button', { name: 'Suggest a reframing' }).click();
  await expect(finding.getByTestId('language-suggestion')).toContainText('Describe what the person saw');
  // Advice, not a block: the summary is saved as written.
  await editor.expectSaved('summary');
  await page.getByTestId('section-summary').screenshot({ path: `${screenshotsDir}/blameless-finding.png`, animations: 'disabled' });

  // "Select to rewrite" puts the flagged phrase under the cursor.
  await finding.getByRole('button', { name: 'Select to rewrite' }).click();
  const selected = await page.getByTestId('summary-input').evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toContain('should have');

  await page.getByTestId('summary-input').press('Control+s');
  await editor.expectSaved('summary');

  // The quality panel follows the saved review: the phrase costs blamelessness, with its reason.
  const panel = page.getByTestId('quality-panel');
  await expect(panel.getByTestId('quality-reasons')).toContainText('Bob should have');
  await expect(panel.getByTestId('quality-part-blamelessness')).toContainText('90/100');
  await expect(panel.getByTestId('quality-score')).toHaveText(/^\d{1,3}$/);

  // F8 inline: the vague, unowned item and the contributor nothing addresses.
  const item = page.getByTestId('action-item-row').filter({ hasText: 'Improve monitoring' });
  await expect(item.getByTestId('action-flags')).toContainText('vague');
  await expect(item.getByTestId('action-flags')).toContainText('no owner');
  const factor = page.getByTestId('factor-card').filter({ hasText: contributor.title });
  await expect(factor.getByTestId('action-flags')).toContainText('no action item or accepted risk');
  await screenshot(page, 'editor-language');
  // Tall enough for the sticky sidebar to show the whole panel.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${screenshotsDir}/quality-panel.png`, animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The score in the reviews list, as the server last computed it.
  await page.goto('/reviews');
  const row = page.getByTestId('review-row').filter({ hasText: 'All services returning 503 in Kubernetes' }).first();
  await expect(row.getByTestId('quality-badge')).toHaveText(/^\d{1,3}$/);
  await screenshot(page, 'reviews-quality', { fullPage: false });
});

test('Markdown in the read view is formatted, and what people wrote stays inert', async ({ page, api }) => {
  const { review } = await seedDfdsReview(api);
  await api.updateReview(review.id, {
    version: review.version,
    summary: [
      '**Target groups** were detached. See the [runbook](https://example.com/runbook).',
      '',
      '<img src="x" onerror="window.__xss = 1"> and [a trap](javascript:window.__xss=2)',
      '',
      '- first\n- second',
    ].join('\n'),
  });
  await page.goto(`/reviews/${review.id}/read`);
  const doc = page.getByTestId('review-document');
  await expect(doc.locator('strong', { hasText: 'Target groups' })).toBeVisible();
  await expect(doc.getByRole('link', { name: 'runbook' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(doc.locator('li', { hasText: 'second' })).toBeVisible();
  // Raw HTML is shown as text, never parsed; the javascript: link loses its target.
  await expect(doc).toContainText('<img src="x" onerror="window.__xss = 1">');
  await expect(doc.locator('img')).toHaveCount(0);
  await expect(doc.locator('a', { hasText: 'a trap' })).not.toHaveAttribute('href');
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});
