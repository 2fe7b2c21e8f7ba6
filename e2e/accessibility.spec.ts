import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { anonymousContext, createPerson, signedInContext } from './fixtures/accounts.js';
import { expect, test } from './fixtures/test.js';

/** Serious and critical axe-core violations on each path, in words a failure can be fixed from. */
async function violations(page: Page, who: string, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-drawing-deferred]')).toHaveCount(0, { timeout: 30_000 }); // drawn when idle (ui/DrawnWhenNear.tsx): check those too
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${who} ${path}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} — ${(n.failureSummary ?? '').slice(0, 160)}`).join(' | ')}`);
    }
  }
  return found;
}

test('no serious or critical axe-core violations on the main routes, as each role and signed out', async ({ page, api, browser, baseURL }) => {
  // What axe checks is the rendered page, the same on either database; the walk is the suite's
  // longest (3 minutes of a busy core), so it runs once, on SQLite.
  test.skip(Boolean(process.env.DATABASE_URL), 'checked on the SQLite run: rendering does not depend on the database');
  test.setTimeout(300_000);
  const { incident, review } = await api.incidentWithReview({ title: 'Accessibility walk', services: ['a11y-api'] });
  await api.addEntries(incident.id, [{ occurredAt: '2026-11-20T10:00:00+00:00', kind: 'detection', text: 'Alert fired' }]);
  // A vague, unowned, overdue item: its flags and warnings are on the page too.
  await api.addActionItem(review.id, { title: 'Be more careful', dueDate: '2020-01-01' });
  const everyone = ['/incidents', `/incidents/${incident.id}`, '/reviews', `/reviews/${review.id}/read`, '/action-items', '/action-items?owner=me', '/reviews?owner=me', '/knowledge-base', '/global-review', '/portfolio', '/digest', '/trends'];
  const writers = [...everyone, '/incidents/new', `/reviews/${review.id}`, '/settings/tokens'];

  const found = await violations(page, 'admin', [...writers, '/admin/users', '/admin/audit', '/admin/jobs', '/admin/teams']);
  for (const [role, paths] of [['responder', writers], ['viewer', everyone]] as const) {
    const context = await signedInContext(browser, baseURL!, await createPerson(api, role, `Axe ${role}`));
    found.push(...(await violations(await context.newPage(), role, paths)));
    await context.close();
  }
  const signedOut = await anonymousContext(browser);
  found.push(...(await violations(await signedOut.newPage(), 'signed out', ['/sign-in'])));
  await signedOut.close();
  expect(found).toEqual([]);
});
