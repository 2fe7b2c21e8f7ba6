import { ReviewEditor } from './pages/review-editor.js';
import { expect, test } from './fixtures/test.js';

test('every page has one h1, a skip link to the content, and keyboard shortcuts listed on ?', async ({ page, api }) => {
  const { incident, review } = await api.incidentWithReview({ title: 'Keyboard journey check' });
  for (const path of ['/incidents', `/incidents/${incident.id}`, '/incidents/new', '/reviews', `/reviews/${review.id}`, `/reviews/${review.id}/read`, '/action-items', '/settings/tokens', '/admin/users', '/admin/audit', '/admin/jobs']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
  }

  // The skip link is the first stop and lands on the content.
  await page.goto('/incidents');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // ? shows the shortcuts; / opens the search palette from anywhere.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('New timeline entry');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.goto('/action-items');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search reviews' })).toBeFocused();
  await page.keyboard.press('Escape');

  // In the editor: n puts the cursor in the fast entry without Tab-walking; a digit jumps to a section.
  const editor = new ReviewEditor(page);
  await editor.goto(review.id);
  await page.locator('#main').focus();
  await page.keyboard.press('n');
  await expect(editor.quickEntry).toBeFocused();
  await editor.quickEntry.press('Escape');
  await page.locator('#main').focus();
  await page.keyboard.press('1');
  await expect(page.locator('#details')).toBeInViewport();
});
