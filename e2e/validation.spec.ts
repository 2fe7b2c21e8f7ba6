import { ReviewEditor } from './pages/review-editor.js';
import { expect, screenshot, test } from './fixtures/test.js';

test('a validation error appears next to the field that caused it, from the browser and from the server', async ({ page, api }) => {
  // Client side: the shared schema says a title is required.
  await page.goto('/incidents/new');
  await page.getByRole('button', { name: 'Create incident' }).click();
  const title = page.getByLabel('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Required', { exact: true })).toBeVisible();
  await expect(title).toBeFocused();
  await screenshot(page, 'validation-incident');

  // Server side: a rule that depends on stored data. The linked timeline entry is deleted by
  // someone else while the factor form is open; the server names the field and the UI puts the
  // message under it.
  const { incident, review } = await api.incidentWithReview({ title: 'Image uploads failing for large files' });
  const [entry] = await api.addEntries(incident.id, [{ occurredAt: '2026-11-20T10:15:00+01:00', kind: 'detection', text: 'Upload error rate alert fired' }]);
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  const contributors = page.getByTestId('factors-contributor');
  await contributors.getByRole('button', { name: 'Add contributor' }).click();
  const form = page.getByRole('dialog').getByRole('form');
  await form.getByLabel('Title').fill('Upload size limit differs between the CDN and the API');
  await form.getByRole('combobox', { name: 'Timeline entries' }).click();
  await page.getByRole('option', { name: /Upload error rate alert fired/ }).click();
  await form.getByLabel('Description').click();

  const current = (await api.timeline(incident.id)).items.find((e) => e.id === entry!.id)!;
  await api.deleteEntry(entry!.id, current.version);

  await form.getByRole('button', { name: 'Add contributor' }).click();
  const field = form.getByRole('combobox', { name: 'Timeline entries' });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText("is not an entry of this incident's timeline")).toBeVisible();
  await screenshot(page, 'validation-server', { fullPage: false });
});
