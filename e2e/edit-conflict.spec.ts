import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a save refused as stale (409) loses nothing: both versions are shown and the user chooses', async ({ browser, api }) => {
  test.setTimeout(120_000);
  const { review } = await api.incidentWithReview({ title: 'Queue consumers stalled after broker failover' });
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const alicePage = await alice.newPage();
  const bobPage = await bob.newPage();
  // Bob's tab never hears of other people's changes (as if its live connection were down), so his
  // edits go out against the version he read and the server refuses them.
  await bobPage.routeWebSocket(/\/api\/live$/, () => undefined);
  const aliceEditor = new ReviewEditor(alicePage);
  const bobEditor = new ReviewEditor(bobPage);
  await aliceEditor.goto(review.id);
  await bobEditor.goto(review.id);

  const alices = 'After a broker failover at 09:12 the consumers kept their old connections and stopped processing for 41 minutes.';
  const bobs = 'Consumers stalled for 41 minutes after the broker failover; orders were delayed but none were lost.';
  await aliceEditor.writeText('summary', alices);
  await aliceEditor.expectSaved('summary');

  // Bob's save is refused (409): he sees his text and the current one side by side.
  await bobEditor.writeText('summary', bobs);
  const dialog = bobPage.getByTestId('conflict-dialog');
  await expect(dialog.getByTestId('conflict-mine-summary')).toContainText(bobs);
  await expect(dialog.getByTestId('conflict-theirs-summary')).toContainText(alices);
  await screenshot(bobPage, 'conflict', { fullPage: false });

  // Closing the dialog keeps Bob's text in the editor, unsaved and saying so: nothing typed is lost.
  await bobPage.keyboard.press('Escape');
  await expect(bobPage.getByTestId('summary-input')).toHaveValue(bobs);
  await expect(bobPage.getByTestId('summary-status')).toHaveAttribute('data-state', 'held');
  await expect(bobPage.getByTestId('save-summary')).toContainText('1 field needs your choice');

  // He saves again and keeps his version: it is resent against the current version.
  await bobPage.getByTestId('summary-status').getByRole('button', { name: 'Save now' }).click();
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await bobEditor.expectSaved('summary');
  await expect.poll(async () => (await api.review(review.id)).summary).toBe(bobs);
  // Alice's tab hears of it; once she leaves the field, Bob's version is what she sees.
  await alicePage.getByTestId('summary-input').blur();
  await expect(alicePage.getByTestId('summary-input')).toHaveValue(bobs);

  // Now Alice changes it again; Bob, still unaware, types over it and takes her version instead.
  await aliceEditor.writeText('summary', alices);
  await aliceEditor.expectSaved('summary');
  await bobEditor.writeText('summary', `${bobs} (edited)`);
  await expect(dialog.getByTestId('conflict-theirs-summary')).toContainText(alices);
  await dialog.getByRole('button', { name: 'Take theirs' }).click();
  await expect(bobPage.getByTestId('summary-input')).toHaveValue(alices);
  await expect.poll(async () => (await api.review(review.id)).summary).toBe(alices);

  // A change to another field by someone else merges without a question.
  await api.updateReview(review.id, { version: (await api.review(review.id)).version, impact: 'Orders delayed up to 41 minutes.' });
  await bobEditor.writeText('learnings', 'Failover drills should include consumer reconnects.');
  await bobEditor.expectSaved('learnings');
  await expect(dialog).toBeHidden();
  const final = await api.review(review.id);
  expect(final.impact).toBe('Orders delayed up to 41 minutes.');
  expect(final.learnings).toBe('Failover drills should include consumer reconnects.');

  await alice.close();
  await bob.close();
});
