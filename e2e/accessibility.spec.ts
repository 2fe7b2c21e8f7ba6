import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures/test.js';

// Signed in as the admin (every route is open to it); serious and critical violations only.
test('no serious or critical axe-core violations on the main routes', async ({ page, api }) => {
  test.setTimeout(180_000);
  const { incident, review } = await api.incidentWithReview({ title: 'Accessibility walk', services: ['a11y-api'] });
  await api.addEntries(incident.id, [{ occurredAt: '2026-11-20T10:00:00+00:00', kind: 'detection', text: 'Alert fired' }]);
  await api.addActionItem(review.id, { title: 'Add an alert on pool saturation for a11y-api', dueDate: '2020-01-01' });
  const found: string[] = [];
  for (const path of ['/incidents', `/incidents/${incident.id}`, '/incidents/new', '/reviews', `/reviews/${review.id}`, `/reviews/${review.id}/read`, '/action-items', '/settings/tokens', '/admin/users', '/admin/audit', '/admin/jobs']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${path}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} — ${(n.failureSummary ?? '').slice(0, 160)}`).join(' | ')}`);
    }
  }
  expect(found).toEqual([]);
});
