import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('two people edit the same summary: the second sees both versions and chooses', async ({ browser, api }) => {
  const { review } = await api.incidentWithReview({ title: 'Queue consumers stalled after broker failover' });
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const alicePage = await alice.newPage();
  const bobPage = await bob.newPage();
  const aliceEditor = new ReviewEditor(alicePage);
  const bobEditor = new ReviewEditor(bobPage);
  await aliceEditor.goto(review.id);
  await bobEditor.goto(review.id);

  // Both start typing from the same version; Alice saves first.
  const alices = 'After a broker failover at 09:12 the consumers kept their old connections and stopped processing for 41 minutes.';
  const bobs = 'Consumers stalled for 41 minutes after the broker failover; orders were delayed but none were lost.';
  await bobPage.getByTestId('summary-input').fill(bobs);
  await aliceEditor.writeText('summary', alices);
  await aliceEditor.expectSaved('summary');

  // Bob's save is refused (409): he sees his text and the current one side by side.
  await bobPage.getByTestId('summary-save').click();
  const dialog = bobPage.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('conflict-mine-summary')).toContainText(bobs);
  await expect(dialog.getByTestId('conflict-theirs-summary')).toContainText(alices);
  await screenshot(bobPage, 'conflict', { fullPage: false });

  // Closing the dialog keeps Bob's text in the editor: nothing typed is lost.
  await bobPage.keyboard.press('Escape');
  await expect(bobPage.getByTestId('summary-input')).toHaveValue(bobs);

  // He tries again and keeps his version: it is resent against the current version.
  await bobPage.getByTestId('summary-save').click();
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await bobEditor.expectSaved('summary');
  await expect.poll(async () => (await api.review(review.id)).summary).toBe(bobs);

  // Now Alice is the stale one; she takes Bob's version instead of hers.
  await alicePage.getByTestId('summary-input').fill(`${alices} (edited)`);
  await alicePage.getByTestId('summary-save').click();
  const aliceDialog = alicePage.getByTestId('conflict-dialog');
  await expect(aliceDialog.getByTestId('conflict-theirs-summary')).toContainText(bobs);
  await aliceDialog.getByRole('button', { name: 'Take theirs' }).click();
  await expect(alicePage.getByTestId('summary-input')).toHaveValue(bobs);
  await expect.poll(async () => (await api.review(review.id)).summary).toBe(bobs);

  // A change to another field by someone else merges without a question.
  await api.updateReview(review.id, { version: (await api.review(review.id)).version, impact: 'Orders delayed up to 41 minutes.' });
  await alicePage.getByTestId('learnings-input').fill('Failover drills should include consumer reconnects.');
  await alicePage.getByTestId('learnings-save').click();
  await aliceEditor.expectSaved('learnings');
  await expect(aliceDialog).toBeHidden();
  const final = await api.review(review.id);
  expect(final.impact).toBe('Orders delayed up to 41 minutes.');
  expect(final.learnings).toBe('Failover drills should include consumer reconnects.');

  await alice.close();
  await bob.close();
});
