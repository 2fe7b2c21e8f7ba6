import type { BrowserContext, Page } from '@playwright/test';
import { createPerson, signedInContext, trackErrors } from './fixtures/accounts.js';
import { expect, screenshot, test } from './fixtures/test.js';
import { startSecondInstance } from './support/second-instance.js';

/** Every assertion waits on what the page shows (a busy machine is slow, never wrong). */
const meeting = (page: Page) => page.getByTestId('meeting-mode');

async function expectAt(pages: Page[], stage: string, entryId: number | null = null) {
  for (const page of pages) {
    await expect(meeting(page)).toHaveAttribute('data-stage', stage, { timeout: 20_000 });
    await expect(meeting(page)).toHaveAttribute('data-entry', entryId === null ? '' : String(entryId), { timeout: 20_000 });
  }
}

test('meeting mode: the facilitator walks the timeline and everyone follows; a participant on another instance adds a contributor and an action item the others see, and an edit typed while offline arrives once after reconnecting', async ({ browser, api, baseURL }) => {
  test.setTimeout(240_000);
  const second = await startSecondInstance();
  expect(second === null, 'a second instance on PostgreSQL').toBe(!process.env.DATABASE_URL);
  const contexts: BrowserContext[] = [];
  try {
    const { incident, review } = await api.incidentWithReview({ title: 'Checkout failing after a config push' });
    const [fay, sam, pat] = [await createPerson(api, 'responder', 'Fay Facilitator'), await createPerson(api, 'responder', 'Sam Scribe'), await createPerson(api, 'responder', 'Pat Participant')];
    await api.updateReview(review.id, {
      version: review.version,
      facilitator: { userId: fay.user.id },
      scribe: { userId: sam.user.id },
      summary: 'A configuration push at 14:02 disabled the payment provider’s endpoint; checkout failed for 38 minutes until the push was rolled back.',
      impact: 'About 4,100 customers could not pay; orders fell by 62% during the window.',
    });
    const entries = await api.addEntries(incident.id, [
      { occurredAt: '2026-03-10T14:02:00Z', text: 'Config push 7741 rolled out to all regions at once' },
      { occurredAt: '2026-03-10T14:05:00Z', kind: 'detection', text: 'Checkout error rate alert fired (12% of requests)' },
      { occurredAt: '2026-03-10T14:21:00Z', text: 'On-call suspected the payment provider and opened a vendor ticket' },
      { occurredAt: '2026-03-10T14:40:00Z', kind: 'mitigation', text: 'Push 7741 rolled back; checkout recovered within two minutes' },
    ]);
    const [first, secondEntry, third] = entries.map((e) => e.id) as [number, number, number];

    // Facilitator and scribe on the first instance; the participant on the second one (PostgreSQL).
    const participantURL = second?.baseURL ?? baseURL ?? '';
    const fayContext = await signedInContext(browser, baseURL ?? '', fay);
    const samContext = await signedInContext(browser, baseURL ?? '', sam);
    const patContext = await signedInContext(browser, participantURL, pat);
    contexts.push(fayContext, samContext, patContext);
    const errors = contexts.flatMap((c) => trackErrors(c));
    const [fayPage, samPage, patPage] = [await fayContext.newPage(), await samContext.newPage(), await patContext.newPage()];
    await fayPage.goto(`${baseURL}/reviews/${review.id}/meeting`);
    await samPage.goto(`${baseURL}/reviews/${review.id}/meeting`);
    await patPage.goto(`${participantURL}/reviews/${review.id}/meeting`);
    const everyone = [fayPage, samPage, patPage];
    // The first load of the page's code can be slow on a busy machine.
    for (const page of everyone) await expect(meeting(page)).toBeVisible({ timeout: 45_000 });
    await expect(patPage.getByTestId('meeting-waiting')).toContainText('Waiting for Fay Facilitator');
    await expect(patPage.getByTestId('meeting-controls')).toHaveCount(0);
    for (const page of everyone) await expect(page.getByTestId('meeting-connection')).toHaveAttribute('data-status', 'open', { timeout: 20_000 });

    // The facilitator starts with the summary, to level-set.
    await fayPage.getByTestId('meeting-start').click();
    for (const page of everyone) await expect(meeting(page)).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
    await expectAt(everyone, 'summary');
    await expect(patPage.getByTestId('meeting-stage-summary')).toContainText('disabled the payment provider');
    await expect(samPage.getByTestId('meeting-timer')).toHaveText(/^\d\d:\d\d$/);
    await screenshot(patPage, 'meeting-mode-summary', { fullPage: false });

    // Then the timeline, entry by entry: Next, then the arrow key; the others follow.
    await fayPage.getByTestId('meeting-next').click();
    await expectAt(everyone, 'timeline', first);
    await expect(patPage.getByTestId(`meeting-entry-${first}`)).toHaveAttribute('data-current', 'true');
    await fayPage.keyboard.press('ArrowRight');
    await expectAt(everyone, 'timeline', secondEntry);
    await expect(samPage.getByTestId(`meeting-entry-${secondEntry}`)).toHaveAttribute('data-current', 'true');

    // The participant adds a contributor and an action item inline; the others see both arrive.
    await patPage.getByTestId('meeting-add-kind').getByText('Contributor', { exact: true }).click();
    await patPage.getByTestId('meeting-add-title').fill('Config pushes reach every region at once, with no canary');
    await patPage.getByTestId('meeting-add-submit').click();
    await patPage.getByTestId('meeting-add-kind').getByText('Action item', { exact: true }).click();
    await patPage.getByTestId('meeting-add-title').fill('Roll config pushes out region by region behind a canary');
    await patPage.getByTestId('meeting-add-submit').click();
    // And a comment on the entry everyone is on.
    await patPage.getByTestId('meeting-comment-input').fill('The alert fired at 12% but paged nobody for three minutes');
    await patPage.getByTestId('meeting-comment-input').press('Enter');
    for (const page of [fayPage, samPage]) {
      const added = page.getByTestId('meeting-added');
      await expect(added).toContainText('Config pushes reach every region at once, with no canary', { timeout: 20_000 });
      await expect(added).toContainText('Roll config pushes out region by region behind a canary', { timeout: 20_000 });
      await expect(page.getByTestId('meeting-entry-comment')).toContainText('paged nobody for three minutes', { timeout: 20_000 });
    }
    await screenshot(fayPage, 'meeting-mode-timeline', { fullPage: false });

    // The participant's connection drops. What they type meanwhile is kept, and shown as unsent.
    await patContext.setOffline(true);
    await patPage.getByTestId('meeting-add-title').fill('Alert on checkout errors per payment provider');
    await patPage.getByTestId('meeting-add-submit').click();
    await expect(patPage.getByTestId('meeting-outbox-item')).toHaveText('Action item: Alert on checkout errors per payment provider');
    await screenshot(patPage, 'meeting-mode-offline', { fullPage: false });
    // The facilitator moves on meanwhile.
    await fayPage.keyboard.press('ArrowRight');
    await expectAt([fayPage, samPage], 'timeline', third);

    // Back online: the edit is sent (once), everyone sees it, and the participant catches up with the meeting.
    await patContext.setOffline(false);
    await expect(patPage.getByTestId('meeting-outbox')).toHaveCount(0, { timeout: 30_000 });
    for (const page of [fayPage, samPage]) await expect(page.getByTestId('meeting-added')).toContainText('Alert on checkout errors per payment provider', { timeout: 20_000 });
    await expectAt([patPage], 'timeline', third);
    const titles = (await api.actionItems(review.id)).map((a) => a.title);
    expect(titles.filter((t) => t === 'Alert on checkout errors per payment provider')).toHaveLength(1);

    // The facilitator ends the meeting; leaving meeting mode lands in the review, where everything already is.
    await fayPage.getByTestId('meeting-end').click();
    for (const page of everyone) await expect(page.getByTestId('meeting-ended')).toBeVisible({ timeout: 20_000 });
    await patPage.keyboard.press('Escape');
    await expect(patPage).toHaveURL(new RegExp(`/reviews/${review.id}$`));
    expect((await api.factors(review.id)).map((f) => f.title)).toContain('Config pushes reach every region at once, with no canary');
    expect(titles).toEqual(expect.arrayContaining(['Roll config pushes out region by region behind a canary']));
    expect(errors, 'uncaught errors in the pages').toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await second?.stop();
  }
});
