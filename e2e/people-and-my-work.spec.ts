import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('people are picked, not typed: an action item assigned to a colleague is on their "My action items"; "me" is one click', async ({ page, browser, api, baseURL }) => {
  test.setTimeout(120_000);
  const { review } = await api.incidentWithReview({ title: 'Nightly export job wrote partial files' });
  const maya = await createPerson(api, 'responder', 'Maya Cohen');
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);

  // The signed-in user is offered first, as "Me": nobody types their own name.
  const facilitator = page.getByLabel('Facilitator', { exact: true });
  await facilitator.click();
  await expect(page.getByRole('option').first()).toContainText('Me (Ada Lindqvist)');
  await page.getByRole('option', { name: 'Me (Ada Lindqvist)' }).click();
  await expect(facilitator).toHaveValue('Ada Lindqvist');
  await expect(page.getByTestId('facilitator-status')).toHaveAttribute('data-state', 'saved');
  expect((await api.review(review.id)).facilitator).toMatchObject({ name: 'Ada Lindqvist', userId: expect.any(Number) });

  // Someone without an account is kept as a name.
  await editor.pick('Scribe', 'Alex (vendor)', { asName: true });
  await expect(page.getByTestId('scribe-status')).toHaveAttribute('data-state', 'saved');
  expect((await api.review(review.id)).scribe).toEqual({ userId: null, name: 'Alex (vendor)' });

  // An action item for a colleague, found by typing part of her name.
  await page.getByRole('button', { name: 'Add action item' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('Write export files atomically: to a temporary name, then rename');
  const owner = dialog.getByLabel('Owner', { exact: true });
  await owner.fill('may');
  await expect(page.getByRole('option', { name: 'Maya Cohen' })).toBeVisible();
  await screenshot(page, 'person-picker', { fullPage: false });
  await page.getByRole('option', { name: 'Maya Cohen' }).click();
  await expect(owner).toHaveValue('Maya Cohen');
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  const row = page.getByTestId('action-item-row').filter({ hasText: 'Write export files atomically' });
  await expect(row).toContainText('Maya Cohen');
  const [item] = (await (await page.request.get(`/api/reviews/${review.id}/action-items`)).json()).items as Array<{ owner: { userId: number | null } }>;
  expect(item!.owner.userId).toBe(maya.user.id);

  // Maya finds it under "My action items".
  const context = await signedInContext(browser, baseURL!, maya);
  const errors = trackErrors(context);
  const mayaPage = await context.newPage();
  await mayaPage.goto('/incidents');
  await mayaPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My action items' }).click();
  await expect(mayaPage).toHaveURL(/\/action-items\?owner=me$/);
  await expect(mayaPage.getByRole('heading', { name: 'My action items' })).toBeVisible();
  await expect(mayaPage.getByTestId('action-row').filter({ hasText: 'Write export files atomically' })).toBeVisible();
  await screenshot(mayaPage, 'my-action-items', { fullPage: false });
  // Everyone's list has it too; her own reviews list is empty (she owns none).
  await mayaPage.getByRole('search', { name: 'Filter action items' }).getByText('Everyone’s').click();
  await expect(mayaPage).toHaveURL(/\/action-items$/);
  await mayaPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My reviews' }).click();
  await expect(mayaPage.getByRole('heading', { name: 'My reviews' })).toBeVisible();
  await expect(mayaPage.getByText('No reviews here')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
