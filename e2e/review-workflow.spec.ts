import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('the workflow at the top of the editor: refused steps say why, a published review is read-only, reopening needs a reason', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { review } = await api.incidentWithReview({ title: 'Password reset e-mails not sent for two hours' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  const next = page.getByTestId('workflow-next');

  // A draft with no summary cannot start its async review yet, and says why.
  await expect(editor.state()).toHaveText('Draft');
  await expect(next).toHaveText('Start the async review');
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('workflow-refusal')).toHaveText('Write the summary first: it is what reviewers and readers start from');
  await page.getByRole('button', { name: /Why “Start the async review” is not possible yet/ }).click();
  await expect(page.getByRole('dialog', { name: /Why “Start the async review”/ })).toContainText('Write the summary first');
  await page.keyboard.press('Escape');

  // Once it is written, the step opens up (the guards follow the review as it is saved).
  await editor.writeText('summary', 'A mail provider credential expired; password reset e-mails were queued but not sent for two hours.');
  await editor.expectSaved('summary');
  await expect(next).toBeEnabled();
  await next.click();
  await expect(editor.state()).toHaveText('Async review');

  // From the async review: the meeting needs a facilitator, so publishing without one comes first.
  await api.addFactor(review.id, { kind: 'contributor', title: 'Credential expiry was not monitored' });
  await expect(next).toHaveText('Publish without a meeting');
  await page.getByRole('button', { name: 'Other steps' }).click();
  const meeting = page.getByTestId('workflow-step-ready_for_meeting');
  await expect(meeting).toBeDisabled();
  await expect(meeting).toContainText('Name a facilitator for the meeting first');
  await page.keyboard.press('Escape');
  await screenshot(page, 'workflow-async-review', { fullPage: false });

  // Published: read-only, with only the way back offered.
  await next.click();
  await expect(editor.state()).toHaveText('Published');
  await expect(page.getByTestId('published-notice')).toBeVisible();
  await expect(page.getByTestId('summary-input')).toHaveAttribute('readonly', '');
  await expect(editor.quickEntry).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add action item' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add (contributor|mitigator)/ })).toHaveCount(0);
  await expect(next).toHaveText('Reopen');
  await screenshot(page, 'workflow-published', { fullPage: false });

  // Reopening asks why, and will not go without a reason.
  await next.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog.getByText('Say why: it is kept with the review’s history')).toBeVisible();
  await dialog.getByLabel('Reason').fill('The provider found a second expired credential; the review must cover it.');
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.state()).toHaveText('Async review');
  await expect(page.getByTestId('published-notice')).toHaveCount(0);
  await expect(page.getByTestId('summary-input')).not.toHaveAttribute('readonly', '');
  await expect(editor.quickEntry).toBeVisible();
});
