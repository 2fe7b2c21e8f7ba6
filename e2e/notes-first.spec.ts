import { expect, screenshot, screenshotsDir, test } from './fixtures/test.js';

/** Notes typed in the meeting become the review's timeline entries, factors and action items when asked, and only those accepted. */
test('notes typed in the meeting are proposed as review items and accepted all at once', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { incident, review } = await api.incidentWithReview({
    title: 'Checkout database failover',
    impactStartedAt: '2026-03-10T13:58:00+01:00',
    resolvedAt: '2026-03-10T15:00:00+01:00',
  });
  await page.goto(`/reviews/${review.id}`);
  const pad = page.getByTestId('notes-pad');
  await expect(pad).toBeVisible({ timeout: 30_000 }); // the editor's first load on a cold server
  const notes = [
    'Review meeting, Tuesday',
    '14:05 paged the DB team',
    '14:12 failover to the replica started',
    '  replica promoted by hand',
    '??:?? someone restarted the cache',
    '',
    '- AI: add an alert on replica lag (owner: Sam)',
    'TODO write the failover runbook',
    'contributing: the replica lag alert was muted',
    'risk: only one person knows the failover',
    'what went well: on-call knew the dashboards',
  ].join('\n');
  await pad.getByTestId('notes-text').fill(notes);
  await expect(pad.getByTestId('notes-status')).toHaveText('Saved');

  // Saved on the server, and still there after a reload.
  await page.reload();
  await expect(page.getByTestId('notes-text')).toHaveValue(notes, { timeout: 30_000 });

  await page.getByTestId('notes-propose').click();
  const proposals = page.getByTestId('notes-proposal');
  await expect(proposals).toHaveCount(8);
  await expect(page.getByTestId('notes-group-timelineEntry').getByTestId('notes-proposal')).toHaveCount(3);
  await expect(page.getByTestId('notes-group-timelineEntry')).toContainText('lines 3–4');
  await expect(page.getByTestId('notes-group-timelineEntry')).toContainText('time unknown');
  await expect(page.getByTestId('notes-group-actionItem')).toContainText('owner: Sam');
  await screenshot(page, 'notes-first-proposals');
  await pad.screenshot({ path: `${screenshotsDir}/notes-pad-proposals.png` });

  // One by one, then the rest all at once.
  await page.getByTestId('notes-group-risk').getByTestId('notes-accept').click();
  await expect(page.getByTestId('notes-group-risk').getByTestId('notes-accepted')).toBeVisible();
  await page.getByTestId('notes-accept-all').click();
  await expect(page.getByTestId('notes-accepted')).toHaveCount(8);
  await expect(page.getByTestId('notes-accept-all')).toBeDisabled();

  // On the timeline and among the action items and factors.
  const timeline = page.getByTestId('timeline-list');
  await expect(timeline).toContainText('paged the DB team');
  await expect(timeline).toContainText('failover to the replica started replica promoted by hand');
  await expect(timeline).toContainText('someone restarted the cache');
  const actions = page.getByTestId('action-item-row');
  await expect(actions.filter({ hasText: 'add an alert on replica lag' })).toContainText('Sam');
  await expect(actions.filter({ hasText: 'write the failover runbook' })).toBeVisible();
  await expect(page.getByTestId('factors-contributor')).toContainText('the replica lag alert was muted');
  await expect(page.getByTestId('factors-risk')).toContainText('only one person knows the failover');
  await expect(page.getByTestId('factors-mitigator')).toContainText('on-call knew the dashboards');
  await screenshot(page, 'notes-first-accepted');

  // Asking again proposes the same items, already accepted: nothing is made twice.
  await page.getByTestId('notes-propose').click();
  await expect(page.getByTestId('notes-accepted')).toHaveCount(8);
  const { items: entries } = await api.timeline(incident.id);
  expect(entries.filter((e) => e.text === 'paged the DB team')).toHaveLength(1);
});

/** What was typed and not yet saved survives a reload; typed over someone else's save, it is shown beside theirs, never lost or overwriting. */
test('notes kept in the browser survive a reload, and a stale draft asks before replacing newer notes', async ({ page, api }) => {
  test.setTimeout(120_000);
  const { review } = await api.incidentWithReview({ title: 'Notes kept in the browser', impactStartedAt: '2026-03-10T13:58:00+01:00' });
  const key = `hindsight.notes.${review.id}`;
  await page.goto(`/reviews/${review.id}`);
  await expect(page.getByTestId('notes-pad')).toBeVisible({ timeout: 30_000 });

  // Typed while the connection was down (the draft builds on the revision the server has): saved on return.
  await page.evaluate((k) => window.localStorage.setItem(k, JSON.stringify({ text: '14:05 typed offline', baseRevision: 0 })), key);
  await page.reload();
  await expect(page.getByTestId('notes-text')).toHaveValue('14:05 typed offline', { timeout: 30_000 });
  await expect(page.getByTestId('notes-status')).toHaveText('Saved');
  expect(await api.notes(review.id)).toMatchObject({ text: '14:05 typed offline', revision: 1 });

  // Someone else saves revision 2 while this browser still holds a draft based on revision 1.
  await api.saveNotes(review.id, '14:05 from the scribe', 1);
  await page.evaluate((k) => window.localStorage.setItem(k, JSON.stringify({ text: '14:05 mine, not saved yet', baseRevision: 1 })), key);
  await page.reload();
  const conflict = page.getByTestId('notes-conflict');
  await expect(conflict).toContainText('14:05 from the scribe', { timeout: 30_000 });
  await expect(page.getByTestId('notes-text')).toHaveValue('14:05 mine, not saved yet');
  await page.getByTestId('notes-pad').screenshot({ path: `${screenshotsDir}/notes-pad-conflict.png` });
  expect(await api.notes(review.id)).toMatchObject({ text: '14:05 from the scribe', revision: 2 });
  await page.getByTestId('notes-keep-mine').click();
  await expect(page.getByTestId('notes-status')).toHaveText('Saved');
  expect(await api.notes(review.id)).toMatchObject({ text: '14:05 mine, not saved yet', revision: 3 });
});
