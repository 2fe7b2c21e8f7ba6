import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('two people on one review: each sees who else is there, the other’s saved changes arrive live with their name, and a field being edited is never overwritten', async ({ browser, api, baseURL }) => {
  test.setTimeout(150_000);
  const { review } = await api.incidentWithReview({ title: 'Search results empty after index alias swap' });
  const priya = await createPerson(api, 'responder', 'Priya Shah');
  const jonas = await createPerson(api, 'responder', 'Jonas Berg');
  const priyaContext = await signedInContext(browser, baseURL!, priya);
  const jonasContext = await signedInContext(browser, baseURL!, jonas);
  const errors = [...trackErrors(priyaContext), ...trackErrors(jonasContext)];
  const priyaPage = await priyaContext.newPage();
  const jonasPage = await jonasContext.newPage();
  const priyaEditor = new ReviewEditor(priyaPage);
  const jonasEditor = new ReviewEditor(jonasPage);
  await priyaEditor.goto(review.id);
  await jonasEditor.goto(review.id);

  // Presence: both pages show both people.
  for (const page of [priyaPage, jonasPage]) {
    const presence = page.getByTestId('presence');
    await expect(presence.locator('[data-name="Priya Shah"]')).toHaveCount(1);
    await expect(presence.locator('[data-name="Jonas Berg"]')).toHaveCount(1);
  }

  // Priya saves the summary: Jonas sees it without reloading, and who wrote it.
  const summary = 'At 14:02 the search index alias was swapped to an empty index; searches returned nothing for 23 minutes.';
  await priyaEditor.writeText('summary', summary);
  await priyaEditor.expectSaved('summary');
  await expect(jonasPage.getByTestId('last-activity')).toHaveText('Priya Shah edited the summary');
  await expect(jonasPage.getByTestId('summary-input')).toHaveValue(summary);

  // Jonas starts on the impact; Priya sees him editing it, and his saved text arrives on her page.
  const jonasImpact = jonasPage.getByTestId('impact-input');
  await jonasImpact.click();
  await jonasImpact.fill('Every search on the storefront returned no results for 23 minutes.');
  await expect(priyaPage.getByTestId('section-impact').getByTestId('editing-now')).toContainText('Jonas Berg is editing');
  await expect(jonasPage.getByTestId('impact-status')).toHaveAttribute('data-state', 'saved');
  await expect(priyaPage.getByTestId('impact-input')).toHaveValue('Every search on the storefront returned no results for 23 minutes.');
  await screenshot(priyaPage, 'live-presence', { fullPage: false });

  // While Jonas is still in the field, Priya saves her own wording of it: his text stays under his
  // cursor, and he is told who changed it and offered theirs.
  const priyas = 'Storefront search returned no results for 23 minutes; orders fell by a third meanwhile.';
  await priyaEditor.writeText('impact', priyas);
  await priyaEditor.expectSaved('impact');
  const incoming = jonasPage.getByTestId('incoming-change');
  await expect(incoming).toContainText('Priya Shah changed the impact while you were editing');
  await expect(jonasImpact).toHaveValue('Every search on the storefront returned no results for 23 minutes.');
  await expect(jonasImpact).toBeFocused();
  await jonasImpact.pressSequentially(' Checkout was not affected.');
  await expect(jonasImpact).toHaveValue('Every search on the storefront returned no results for 23 minutes. Checkout was not affected.');
  await expect(jonasPage.getByTestId('save-summary')).toContainText('needs your choice');
  await screenshot(jonasPage, 'live-incoming-change', { fullPage: false });

  // He compares the two, then loads hers.
  await incoming.getByRole('button', { name: 'Compare' }).click();
  const dialog = jonasPage.getByTestId('conflict-dialog');
  await expect(dialog.getByTestId('conflict-theirs-impact')).toContainText(priyas);
  await expect(dialog.getByTestId('conflict-mine-impact')).toContainText('Checkout was not affected.');
  await dialog.getByRole('button', { name: 'Take theirs' }).click();
  await expect(jonasImpact).toHaveValue(priyas);
  await expect(incoming).toBeHidden();
  await expect(jonasPage.getByTestId('save-summary')).toContainText('All changes saved');
  expect((await api.review(review.id)).impact).toBe(priyas);

  // When Jonas leaves, Priya's presence list has only her.
  await jonasPage.goto('/reviews');
  await expect(priyaPage.getByTestId('presence').locator('[data-name="Jonas Berg"]')).toHaveCount(0);
  await expect(priyaPage.getByTestId('presence').locator('[data-name="Priya Shah"]')).toHaveCount(1);

  expect(errors, 'uncaught errors in the pages').toEqual([]);
  await priyaContext.close();
  await jonasContext.close();
});
