import { ReviewEditor } from './pages/review-editor.js';
import { expect, test } from './fixtures/test.js';

test('publish a review, find it with the palette by a word from its timeline, open it, then open a related incident', async ({ page, api }) => {
  test.setTimeout(120_000);
  const unique = Math.random().toString(36).slice(2, 8);
  const service = `ledger-db-${unique}`;
  const word = `quokka${unique}`;

  // An earlier incident with the same service and the same kind of contributor.
  const earlier = await api.incidentWithReview({ title: `Ledger writes timed out ${unique}`, services: [service], impactStartedAt: '2026-01-05T10:00:00Z' });
  await api.addFactor(earlier.review.id, { kind: 'contributor', title: 'Connection pool too small for the batch job', category: 'technical', tags: ['capacity'] });

  const { incident, review } = await api.incidentWithReview({ title: `Ledger replica fell behind ${unique}`, services: [service], impactStartedAt: '2026-02-10T10:00:00Z' });
  await api.addEntries(incident.id, [{ occurredAt: '2026-02-10T10:07:00Z', text: `The ${word} dashboard showed the replica 20 minutes behind` }]);
  await api.updateReview(review.id, { version: (await api.review(review.id)).version, summary: 'The ledger replica fell behind and reads served stale balances.' });
  await api.addFactor(review.id, { kind: 'contributor', title: 'Replica sized for last year’s write volume', category: 'technical', tags: ['capacity'] });

  // Publish it the way people do: through the workflow at the top of the editor.
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await editor.publishWithoutMeeting();

  // The index follows the published review (a job after the commit).
  await expect.poll(async () => (await api.search(word)).items.map((hit) => [hit.reviewId, hit.state]), { timeout: 20_000 }).toEqual([[review.id, 'published']]);
  await expect.poll(async () => (await api.search(unique)).total, { timeout: 20_000 }).toBe(2);

  // Ctrl-K opens the palette anywhere; the word from the timeline finds the review, highlighted.
  await page.goto('/action-items');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Search reviews' });
  await expect(input).toBeFocused();
  await input.fill(word.slice(0, -2)); // still typing: the last word matches as a prefix
  const option = page.getByRole('option', { name: new RegExp(`Ledger replica fell behind ${unique}`) });
  await expect(option).toBeVisible();
  await expect(option.locator('mark')).toHaveText(word);
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/reviews/${review.id}/read$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ledger replica fell behind ${unique}`);

  // The related incidents say why, and lead to the earlier one.
  const related = page.getByTestId('related-incidents');
  await expect(related).toContainText(`also affected ${service}`);
  await expect(related).toContainText(/the same contributor category, Technical, in (#\d+, )*#\d+/);
  await related.getByRole('link', { name: new RegExp(`#${earlier.incident.id} Ledger writes timed out`) }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${earlier.review.id}/read$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ledger writes timed out ${unique}`);
});
