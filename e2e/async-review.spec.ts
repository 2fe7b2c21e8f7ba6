import fs from 'node:fs';
import { createPerson } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';
import { ReviewEditor } from './pages/review-editor.js';

test('the async review: a comment with a mention, resolved; a sign-off; the meeting scheduled with an audience warning and its invitation downloaded', async ({ page, api }) => {
  test.setTimeout(180_000);
  const reviewer = await createPerson(api, 'responder', 'Rita Reviewer');
  const outsider = await createPerson(api, 'viewer', 'Olive Outsider');
  const { review } = await api.incidentWithReview({ title: 'Search results empty for twenty minutes' });
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);

  // A comment on the summary that mentions a colleague, then resolved.
  await page.getByTestId('comments-summary').click();
  const drawer = page.getByRole('dialog', { name: 'Comments on Summary' });
  await drawer.getByTestId('new-comment').fill('@Rita Reviewer are the twenty minutes from detection or from impact?');
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = drawer.getByTestId('comment-thread');
  await expect(thread.getByTestId('comment-mention')).toHaveText('@Rita Reviewer');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread.getByTestId('thread-resolved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // I ask myself to sign off (the picker offers me first), then sign off: the async review is complete.
  const card = page.getByTestId('async-review');
  await expect(card.getByTestId('async-review-status')).toHaveText('In progress');
  await card.getByRole('combobox').click();
  await page.getByRole('option').first().click();
  await card.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(card.getByTestId('reviewers')).toContainText('Waiting');
  await card.getByTestId('sign-off').click();
  await expect(card.getByTestId('reviewers')).toContainText('Signed off');
  await expect(card.getByTestId('async-review-status')).toHaveText('Complete');

  // Scheduling the meeting: someone not involved in the incident is warned about, with why.
  await card.getByTestId('schedule-meeting').click();
  const dialog = page.getByRole('dialog', { name: 'Schedule the meeting' });
  await dialog.getByTestId('meeting-starts').fill('2026-04-14T10:00');
  await editor.pick('Facilitator', reviewer.user.name, { within: dialog });
  const attendees = dialog.getByLabel('Attendees', { exact: true });
  await attendees.fill('Olive');
  await page.getByRole('option', { name: outsider.user.name }).click();
  const warnings = dialog.getByTestId('audience-warnings');
  await expect(warnings).toContainText('Not involved in the incident: Olive Outsider');
  await expect(warnings).toContainText('limited to those with direct involvement');
  await screenshot(page, 'async-review-schedule-meeting', { fullPage: false });
  await dialog.getByTestId('meeting-save').click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('meeting-when')).toContainText('Tue 14 Apr 2026, 10:00');
  await expect(card.getByTestId('audience-warnings')).toContainText('Olive Outsider');

  // The invitation downloads as a calendar file in the meeting's zone.
  const download = page.waitForEvent('download');
  await card.getByTestId('meeting-ics').click();
  const file = await (await download).path();
  const ics = fs.readFileSync(file, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  // The e2e server's zone: a named zone gets TZID and local time, UTC gets …Z.
  expect(ics).toMatch(/DTSTART(;TZID=[^:]+:20260414T100000|:20260414T100000Z)\r?\n/);
  const unfolded = ics.replace(/\r?\n[ \t]/g, ''); // long lines are folded (RFC 5545)
  expect(unfolded.toLowerCase()).toContain(`mailto:${outsider.email}`);
});
