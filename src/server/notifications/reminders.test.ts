import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { Problem } from '../../shared/errors.js';
import type { NotificationPreferencesState } from '../../shared/notifications/notification.schema.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { startSlackPeer, startSmtpPeer } from '../../../test/support/notification-peers.js';
import { createReview, patch, post } from '../../../test/support/reviews.js';
import { enqueueDueDigests } from './digest.job.js';
import { sweepReminders } from './reminders.job.js';

const SLACK_TOKEN = 'xoxb-reminders';
const smtp = await startSmtpPeer();
const slack = await startSlackPeer(SLACK_TOKEN);
afterAll(() => Promise.all([smtp.close(), slack.close()]));

describe.each(databaseKinds)('reminders, escalation, digests and preferences on %s', (kind) => {
  const escalation = `head-of-reliability-${kind}@example.com`;
  const t = useTestApp(
    kind,
    testConfig({
      HINDSIGHT_SMTP_URL: smtp.url,
      HINDSIGHT_SLACK_TOKEN: SLACK_TOKEN,
      HINDSIGHT_SLACK_API_URL: slack.apiUrl,
      HINDSIGHT_ESCALATION_EMAILS: escalation,
      HINDSIGHT_ESCALATION_SLACK_CHANNEL: `C0ESC${kind.toUpperCase()}`,
      HINDSIGHT_ESCALATION_WORKING_DAYS: '2',
    }),
  );
  const runners = useRunners();
  const subjectsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email)).map((m) => m.subject);
  const settled = () =>
    vi.waitFor(
      async () => {
        const open = await t.ctx.db.selectFrom('jobs').select(['kind', 'state']).where('state', 'in', ['queued', 'running']).where('kind', 'like', 'notifications.%').execute();
        if (open.length) throw new Error(`jobs still open: ${JSON.stringify(open)}`);
      },
      { timeout: 15_000, interval: 20 },
    );
  const at = async (iso: string) => {
    t.clock.now = new Date(iso);
  };

  it('reminds the owner before and after the deadlines, escalates a review still overdue, each once however often the sweep runs', async () => {
    await at('2026-03-09T09:00:00Z'); // Monday
    runners(t.ctx, t.ctx.hooks.jobs);
    const owner = await createUser(t, { role: 'responder' });
    const { review } = await createReview(t, { title: `Late review ${kind}` });
    const current = await t.request<Review>({ method: 'GET', url: `/api/reviews/${review.id}` });
    await patch(t, `/api/reviews/${review.id}`, { version: current.body.version, owner: { userId: owner.id }, dueAt: '2026-03-13T23:59:59.999Z' }); // Friday
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: `Fix the alert ${kind}`, owner: { userId: owner.id }, dueDate: '2026-03-18' });
    await settled();
    const ownerMails = () => subjectsTo(owner.email).filter((s) => !s.startsWith('You own'));

    await at('2026-03-10T09:00:00Z'); // Tuesday: due Friday is three working days away
    await sweepReminders(t.ctx);
    await settled();
    expect(ownerMails()).toEqual([]);

    await at('2026-03-11T09:00:00Z'); // Wednesday: two working days before
    await sweepReminders(t.ctx);
    await sweepReminders(t.ctx);
    await settled();
    expect(ownerMails()).toEqual([`Review due 2026-03-13: Late review ${kind}`]);

    await at('2026-03-16T09:00:00Z'); // Monday after: overdue, not yet escalated
    await sweepReminders(t.ctx);
    await settled();
    expect(ownerMails()).toEqual([`Review due 2026-03-13: Late review ${kind}`, `Review overdue: Late review ${kind}`]);
    expect(subjectsTo(escalation)).toEqual([]);

    await at('2026-03-18T09:00:00Z'); // Wednesday: two working days after the deadline have passed; the item is due today
    const slackBefore = slack.calls.length;
    await sweepReminders(t.ctx);
    await sweepReminders(t.ctx);
    await settled();
    expect(subjectsTo(escalation)).toEqual([`Escalation: review still overdue: Late review ${kind}`]);
    expect(slack.calls.slice(slackBefore).map((c) => c.body.channel)).toEqual([`C0ESC${kind.toUpperCase()}`]);
    expect(ownerMails()).toContain(`Action item due today: Fix the alert ${kind}`);

    await at('2026-03-19T09:00:00Z');
    await sweepReminders(t.ctx);
    await sweepReminders(t.ctx);
    await settled();
    expect(ownerMails().filter((s) => s.includes('Fix the alert'))).toEqual([`Action item due today: Fix the alert ${kind}`, `Action item overdue: Fix the alert ${kind}`]);
    expect(subjectsTo(escalation)).toHaveLength(1);

    // A new deadline is a new deadline: reminded again.
    const now = await t.request<ActionItem>({ method: 'GET', url: `/api/action-items/${item.id}` });
    await patch(t, `/api/action-items/${item.id}`, { version: now.body.version, dueDate: '2026-03-19' });
    await sweepReminders(t.ctx);
    await settled();
    expect(ownerMails().filter((s) => s.includes('Fix the alert'))).toHaveLength(3);
  });

  it('gathers e-mail into one daily digest at the hour the user chose, in their zone', async () => {
    await at('2026-03-11T07:30:00Z'); // 08:30 in Copenhagen
    runners(t.ctx, t.ctx.hooks.jobs);
    const user = await createUser(t, { role: 'responder' });
    const browser = await signIn(t, user.email);
    const prefs = (await browser.request<NotificationPreferencesState>({ method: 'GET', url: '/api/me/notification-preferences' })).body;
    const { channels: _c, ...body } = prefs;
    const saved = await browser.request<NotificationPreferencesState>({ method: 'PUT', url: '/api/me/notification-preferences', payload: { ...body, digest: { enabled: true, hour: 9, timeZone: 'Europe/Copenhagen' } } });
    expect(saved.status).toBe(200);
    const { review } = await createReview(t, { title: `Digest ${kind}` });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'First', owner: { userId: user.id } });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Second', owner: { userId: user.id } });
    await settled();
    expect(subjectsTo(user.email)).toEqual([]);
    expect(await enqueueDueDigests(t.ctx)).toBe(0);

    await at('2026-03-11T08:00:00Z'); // 09:00 in Copenhagen
    await enqueueDueDigests(t.ctx);
    await enqueueDueDigests(t.ctx);
    await settled();
    const digests = smtp.received.filter((m) => m.to.includes(user.email));
    expect(digests.map((m) => m.subject)).toEqual(['Hindsight: 2 notifications for 2026-03-11']);
    expect(digests[0]!.text).toContain('You own the action item "First"');
    expect(digests[0]!.text).toContain('You own the action item "Second"');
    expect(digests[0]!.html).toContain('You own the action item &#34;Second&#34;');
    const rows = await t.ctx.db.selectFrom('notification_deliveries').select('state').where('user_id', '=', user.id).execute();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('keeps preferences per user with versions; bad input is a problem naming the field', async () => {
    const user = await createUser(t, { role: 'viewer' });
    const browser = await signIn(t, user.email);
    const read = await browser.request<NotificationPreferencesState>({ method: 'GET', url: '/api/me/notification-preferences' });
    expect(read.body).toMatchObject({ version: 0, channels: { email: true, slack: true }, digest: { enabled: false, hour: 9, timeZone: 'UTC' }, slackUserId: null, services: [] });
    expect(read.body.kinds.mention).toEqual({ email: true, slack: false });
    const { channels: _c, ...body } = read.body;
    const first = await browser.request<NotificationPreferencesState>({ method: 'PUT', url: '/api/me/notification-preferences', payload: { ...body, kinds: { ...body.kinds, mention: { email: false, slack: true } } } });
    expect(first.body).toMatchObject({ version: 1, kinds: { mention: { email: false, slack: true } } });
    const stale = await browser.request<Problem>({ method: 'PUT', url: '/api/me/notification-preferences', payload: body });
    expect(stale.status).toBe(409);
    const badZone = await browser.request<Problem>({ method: 'PUT', url: '/api/me/notification-preferences', payload: { ...body, version: 1, digest: { enabled: true, hour: 9, timeZone: 'Mars/Olympus' } } });
    expect(badZone.status).toBe(400);
    expect(badZone.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badZone.body.errors).toEqual([expect.objectContaining({ field: 'digest.timeZone' })]);
    const badSlack = await browser.request<Problem>({ method: 'PUT', url: '/api/me/notification-preferences', payload: { ...body, version: 1, slackUserId: 'nobody' } });
    expect(badSlack.body.errors).toEqual([expect.objectContaining({ field: 'slackUserId' })]);
    const badUrl = await t.request<Problem>({ method: 'POST', url: '/api/admin/webhook-endpoints', payload: { url: 'ftp://example.com/hook' } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    const endpoint = await t.request<{ id: number }>({ method: 'POST', url: '/api/admin/webhook-endpoints', payload: { url: 'https://example.com/hook' } });
    const disabled = await t.request<{ enabled: boolean }>({ method: 'PATCH', url: `/api/admin/webhook-endpoints/${endpoint.body.id}`, payload: { enabled: false } });
    expect(disabled.body).toMatchObject({ enabled: false });
    expect((await t.request({ method: 'DELETE', url: `/api/admin/webhook-endpoints/${endpoint.body.id}` })).status).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/admin/webhook-endpoints/${endpoint.body.id}` })).status).toBe(404);
    const forbidden = await browser.request<Problem>({ method: 'POST', url: '/api/admin/webhook-endpoints', payload: { url: 'https://example.com/hook' } });
    expect(forbidden.status).toBe(403);
    expect((await t.requestAs(null, { method: 'GET', url: '/api/me/notification-preferences' })).status).toBe(401);
  });
});
