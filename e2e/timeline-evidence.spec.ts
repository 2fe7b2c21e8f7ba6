import { AxeBuilder } from '@axe-core/playwright';
import { ReviewEditor } from './pages/review-editor.js';
import { TimelineEvidence } from './pages/timeline-evidence.js';
import { expect, screenshot, test } from './fixtures/test.js';

/** Copied from a chat client whose clock showed an hour later than the incident's. */
const transcript = [
  'Ada Lovelace  3:05 PM',
  'Checkout error rate above 5%',
  'Grace Hopper  3:12 PM',
  'Paging the payments team',
  'Grace Hopper  3:20 PM',
  'Rolled back checkout to 4.1',
].join('\n');

test('chat messages picked with the keyboard join the timeline with their provenance, and a clock offset settles the contradiction they reveal', async ({ page, api }) => {
  const { incident, review } = await api.incidentWithReview({
    title: 'Checkout errors after the 4.2 deploy',
    impactStartedAt: '2026-11-20T14:00:00+01:00',
    resolvedAt: '2026-11-20T16:00:00+01:00',
  });
  await api.addEntries(incident.id, [{ occurredAt: '2026-11-20T14:20:00+01:00', kind: 'mitigation', text: 'Rolled back checkout to 4.1' }]);
  const editor = new ReviewEditor(page);
  const evidence = new TimelineEvidence(page);
  await editor.goto(review.id);

  // Pick the first and the third message with the keyboard, and add them with Enter.
  const proposals = await evidence.readTranscript(transcript);
  await expect(proposals.getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(proposals.getByRole('option', { selected: true })).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html ?? ''}`)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Import from chat' })).toBeHidden();

  const rollbackFromChat = editor.rows.filter({ hasText: 'Grace Hopper: Rolled back checkout to 4.1' });
  await expect(rollbackFromChat.getByTestId('timeline-provenance')).toContainText('Chat transcript');
  await expect(editor.rows.filter({ hasText: 'Ada Lovelace: Checkout error rate above 5%' })).toBeVisible();
  await expect(editor.rows.filter({ hasText: 'Paging the payments team' })).toHaveCount(0);

  // The rollback is told an hour apart by the manual entry and the chat.
  await expect(evidence.contradictions).toContainText('seem to tell of the same event, 60 min apart');
  await screenshot(page, 'timeline-contradiction', { fullPage: false });

  // Each kept entry links back to its message.
  await rollbackFromChat.getByRole('button').click();
  const drawer = page.getByRole('dialog', { name: 'Timeline entry' });
  await expect(drawer.getByTestId('entry-provenance')).toContainText('From Chat transcript · line 5');
  await expect(drawer.getByTestId('entry-provenance')).toContainText('Rolled back checkout to 4.1');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await evidence.correctClock(/^Chat transcript \(Chat\)/, -60, 'The chat client showed UTC+2', '2 entries move 60 min earlier; each move is kept in its history.');
  await expect(evidence.contradictions).toBeHidden();
  await expect(rollbackFromChat).toContainText('14:20');
  await expect(rollbackFromChat).toContainText('corrected');
});
