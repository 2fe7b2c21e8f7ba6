import { expect, screenshot, test } from './fixtures/test.js';
import { expectInert, payload, seedHostileReview, shortPayload } from './fixtures/xss.js';

test('script put into every free-text field through the API stays inert text on the incident page, the editor and the read view', async ({ page, api }) => {
  test.setTimeout(90_000);
  const { incident, review } = await seedHostileReview(api);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|javascript: URL/i.test(message.text())) violations.push(message.text());
  });

  // The incident page and the list show the text exactly as written.
  await page.goto(`/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(payload('Incident title'));
  await expect(page.getByText(payload('Customer impact'), { exact: true })).toBeVisible();
  for (const field of ['Commander', 'Responder', 'svc', 'label']) await expect(page.getByText(shortPayload(field), { exact: true })).toBeVisible();
  await screenshot(page, 'xss-incident');
  await expectInert(page, 'incident page');
  await page.goto('/incidents');
  await expect(page.getByTestId('incident-row').filter({ hasText: payload('Incident title') })).toBeVisible();
  await expectInert(page, 'incident list');

  // The editor: text in inputs and cards, the timeline entry's comment in its drawer.
  await page.goto(`/reviews/${review.id}`);
  await expect(page.getByTestId('summary-input')).toHaveValue(payload('Review summary'));
  await expect(page.getByTestId('learnings-input')).toHaveValue(payload('Review learnings'));
  await expect(page.getByTestId('factor-card').filter({ hasText: payload('Factor title') })).toBeVisible();
  await expect(page.getByTestId('action-item-row').filter({ hasText: payload('Action title') })).toBeVisible();
  await expect(page.getByTestId('question-detect_sooner')).toHaveValue(payload('Answer detect_sooner'));
  await expect(page.getByTestId('whys-chain')).toBeVisible();
  await expectInert(page, 'editor');
  await screenshot(page, 'xss-editor');
  await page.getByTestId('timeline-text').filter({ hasText: payload('Timeline text') }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('tab', { name: /Comments/ }).click();
  await expect(drawer.getByText(payload('Timeline comment'), { exact: true })).toBeVisible();
  await screenshot(page, 'xss-editor-comment', { fullPage: false });
  await expectInert(page, 'timeline entry drawer');
  await page.keyboard.press('Escape');

  // The read view renders Markdown, sanitised: the words are there, the script is not; links go nowhere dangerous.
  await page.goto(`/reviews/${review.id}/read`);
  const doc = page.getByTestId('review-document');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText(payload('Incident title'));
  for (const words of ['Review summary', 'Review impact', 'Timeline text', 'Factor title', 'Why one', 'Because one', 'Systemic cause', 'Answer went_well', 'Answer detect_sooner', 'Action title', 'Review learnings']) {
    await expect(doc, words).toContainText(words);
  }
  await expectInert(page, 'read view');
  for (const link of await doc.getByRole('link', { name: /open me|and me/ }).all()) await link.click({ noWaitAfter: true });
  await expectInert(page, 'read view after clicking the links');
  await screenshot(page, 'xss-read');

  expect(violations, 'the Content Security Policy had to stop something').toEqual([]);
});
