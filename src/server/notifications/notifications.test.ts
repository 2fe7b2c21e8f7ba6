import ICAL from 'ical.js';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../shared/actions/action-item.schema.js';
import type { NotificationPreferencesState, WebhookEndpointCreated, WebhookPayload } from '../../shared/notifications/notification.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { useRunners } from '../../../test/support/jobs.js';
import { startSlackPeer, startSmtpPeer, startWebhookReceiver } from '../../../test/support/notification-peers.js';
import { createReview, post, publishReview } from '../../../test/support/reviews.js';
import { systemActor } from '../access/actor.js';
import { recordChange } from '../events/record-change.js';

const SLACK_TOKEN = 'xoxb-test-1234';
const smtp = await startSmtpPeer();
const slack = await startSlackPeer(SLACK_TOKEN);
const hooks = await startWebhookReceiver();
afterAll(() => Promise.all([smtp.close(), slack.close(), hooks.close()]));

describe.each(databaseKinds)('notifications on %s', (kind) => {
  const t = useTestApp(
    kind,
    testConfig({
      HINDSIGHT_SMTP_URL: smtp.url,
      HINDSIGHT_SMTP_FROM: 'Hindsight <hindsight@example.com>',
      HINDSIGHT_SLACK_TOKEN: SLACK_TOKEN,
      HINDSIGHT_SLACK_API_URL: slack.apiUrl,
      HINDSIGHT_SLACK_CHANNEL: 'C0REVIEWS',
      HINDSIGHT_ESCALATION_EMAILS: `escalation-${kind}@example.com`,
      HINDSIGHT_ESCALATION_SLACK_CHANNEL: 'C0ESCALATE',
      HINDSIGHT_ESCALATION_WORKING_DAYS: '2',
      HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com',
    }),
  );
  const runners = useRunners();
  const run = () => runners(t.ctx, t.ctx.hooks.jobs);
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const waitForMail = (email: string, count = 1) =>
    vi.waitFor(
      () => {
        const mails = mailsTo(email);
        if (mails.length < count) throw new Error(`${mails.length} mails to ${email}`);
        return mails;
      },
      { timeout: 15_000, interval: 20 },
    );
  const deliveriesTo = (userId: number) => t.ctx.db.selectFrom('notification_deliveries').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  /** Every job is done (no delivery left to make). */
  const settled = () =>
    vi.waitFor(
      async () => {
        const open = await t.ctx.db.selectFrom('jobs').select(['kind', 'state']).where('state', 'in', ['queued', 'running']).where('kind', 'like', 'notifications.%').execute();
        if (open.length) throw new Error(`jobs still open: ${JSON.stringify(open)}`);
      },
      { timeout: 15_000, interval: 20 },
    );
  const savePreferences = async (email: string, change: (p: NotificationPreferencesState) => void) => {
    const browser = await signIn(t, email);
    const current = (await browser.request<NotificationPreferencesState>({ method: 'GET', url: '/api/me/notification-preferences' })).body;
    change(current);
    const { channels: _channels, ...body } = current;
    const saved = await browser.request<NotificationPreferencesState>({ method: 'PUT', url: '/api/me/notification-preferences', payload: body });
    expect(saved.status).toBe(200);
    return saved.body;
  };

  beforeEach(() => {
    t.clock.now = new Date();
  });

  it('mails the new owner of an action item: recipient, subject, text and HTML parts, the link', async () => {
    run();
    const owner = await createUser(t, { role: 'responder', name: 'Ana Lima' });
    const { review } = await createReview(t, { title: 'Checkout down' });
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on checkout error rate', owner: { userId: owner.id } });
    const [mail] = await waitForMail(owner.email);
    expect(mail).toMatchObject({ from: 'hindsight@example.com', to: [owner.email], subject: 'You own the action item "Alert on checkout error rate"' });
    expect(mail!.text).toContain('Harness admin made you owner of "Alert on checkout error rate" from the review of "Checkout down"');
    expect(mail!.text).toContain(`https://hindsight.example.com/reviews/${review.id}#action-items`);
    expect(mail!.html).toContain('<h2 style="font-size: 16px">You own the action item &#34;Alert on checkout error rate&#34;</h2>');
    expect(mail!.html).toContain(`<a href="https://hindsight.example.com/reviews/${review.id}#action-items">Open in Hindsight</a>`);
    expect(mail!.mime.headers['message-id']).toMatch(/@hindsight\.example\.com>$/);
    await settled();
    expect(await deliveriesTo(owner.id)).toEqual([expect.objectContaining({ channel: 'email', kind: 'action_item.owner', state: 'sent', target: owner.email })]);
  });

  it('retries a temporary SMTP failure and still delivers once', async () => {
    run();
    const owner = await createUser(t, { role: 'responder' });
    const { review } = await createReview(t);
    smtp.refuse(1);
    await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Retry me', owner: { userId: owner.id } });
    // The first attempt is refused (451); the test's clock moves past the backoff, and the retry delivers.
    await vi.waitFor(
      async () => {
        const [job] = await t.ctx.db.selectFrom('jobs').select(['attempts', 'state']).where('kind', '=', 'notifications.deliver').orderBy('id', 'desc').limit(1).execute();
        expect(job).toMatchObject({ attempts: 1, state: 'queued' });
      },
      { timeout: 15_000, interval: 20 },
    );
    t.clock.now = new Date(Date.now() + 3_600_000);
    await waitForMail(owner.email);
    await settled();
    expect(mailsTo(owner.email)).toHaveLength(1);
    const [delivery] = await deliveriesTo(owner.id);
    const job = await t.ctx.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', `notify:${delivery!.delivery_key}`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('tells people they were @mentioned, once per comment even when it is edited', async () => {
    run();
    const mentioned = await createUser(t, { role: 'viewer', name: 'Bo Mentioned' });
    const { review } = await createReview(t);
    const comment = await post<{ id: number; version: number }>(t, `/api/reviews/${review.id}/comments`, { anchor: { part: 'summary' }, text: `What do you think, @${mentioned.email}?` });
    const [mail] = await waitForMail(mentioned.email);
    expect(mail!.subject).toBe(`Harness admin mentioned you on the review of "${review.incidentTitle}"`);
    expect(mail!.text).toContain(`What do you think, @${mentioned.email}?`);
    await t.request({ method: 'PATCH', url: `/api/reviews/${review.id}/comments/${comment.id}`, payload: { version: comment.version, text: `Edited, @${mentioned.email}` } });
    await settled();
    expect(mailsTo(mentioned.email)).toHaveLength(1);
  });

  it('sends meeting invitations with the .ics attached to everyone invited', async () => {
    run();
    const [facilitator, attendee] = await Promise.all([createUser(t, { role: 'responder' }), createUser(t, { role: 'viewer' })]);
    const { review } = await createReview(t);
    await t.request({ method: 'PUT', url: `/api/reviews/${review.id}/meeting`, payload: { startsAt: '2026-03-12T14:00:00+01:00', durationMinutes: 60, facilitatorUserId: facilitator.id, attendeeUserIds: [attendee.id], override: { reason: 'Test' } } });
    for (const person of [facilitator, attendee]) {
      const [mail] = await waitForMail(person.email);
      expect(mail!.subject).toBe(`Review meeting: ${review.incidentTitle}`);
      const [ics] = mail!.attachments;
      expect(ics!.headers['content-disposition']).toMatch(/filename="?invitation\.ics/);
      expect(ics!.contentType).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(ics!.body));
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-12T13:00:00.000Z');
      expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(expect.arrayContaining([`mailto:${attendee.email}`]));
    }
  });

  it('announces a published review to followers of its service, by e-mail and Slack, to the team channel, and to a signed webhook', async () => {
    run();
    const follower = await createUser(t, { role: 'viewer' });
    await savePreferences(follower.email, (p) => {
      p.services = ['Payments'];
      p.slackUserId = 'U024BE7LH';
      p.kinds['review.published'] = { email: true, slack: true };
    });
    const created = await t.request<WebhookEndpointCreated>({ method: 'POST', url: '/api/admin/webhook-endpoints', payload: { url: hooks.url, description: 'Our bot', kinds: ['review.published'] } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await t.request<{ items: object[] }>({ method: 'GET', url: '/api/admin/webhook-endpoints' });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const { review } = await createReview(t, { title: `Payments slow on ${kind}`, services: ['payments'] });
    const before = slack.calls.length;
    await publishReview(t, review.id);
    const [mail] = await waitForMail(follower.email);
    expect(mail!.subject).toBe(`Review published: Payments slow on ${kind}`);
    await settled();

    const posts = slack.calls.slice(before);
    expect(slack.problems).toEqual([]);
    expect(posts.map((c) => c.body.channel).sort()).toEqual(['C0REVIEWS', 'U024BE7LH']);
    for (const call of posts) {
      expect(call).toMatchObject({ method: 'chat.postMessage', authorization: `Bearer ${SLACK_TOKEN}` });
      expect(call.body.text).toContain(`Review published: Payments slow on ${kind}`);
      const blocks = (typeof call.body.blocks === 'string' ? JSON.parse(call.body.blocks) : call.body.blocks) as Array<{ type: string }>;
      expect(blocks.map((b) => b.type)).toEqual(['section', 'actions', 'context']);
    }
    const delivered = hooks.calls.filter((c) => c.body.includes(`Payments slow on ${kind}`));
    expect(delivered).toHaveLength(1);
    const verified = new Webhook(created.body.secret).verify(delivered[0]!.body, delivered[0]!.headers as Record<string, string>) as WebhookPayload;
    expect(verified).toMatchObject({ type: 'hindsight.review.published', data: { kind: 'review.published', reviewId: review.id, link: `https://hindsight.example.com/reviews/${review.id}` } });
    expect(() => new Webhook(created.body.secret).verify(delivered[0]!.body.replace('Payments', 'Paymentz'), delivered[0]!.headers as Record<string, string>)).toThrow();
    await t.request({ method: 'DELETE', url: `/api/admin/webhook-endpoints/${created.body.id}` });
  });

  it('tells only the members of a restricted incident, and nothing to channels or webhooks', async () => {
    run();
    const [member, stranger] = await Promise.all([createUser(t, { role: 'responder' }), createUser(t, { role: 'responder' })]);
    for (const who of [member, stranger]) await savePreferences(who.email, (p) => void (p.services = ['vault']));
    const created = await t.request<WebhookEndpointCreated>({ method: 'POST', url: '/api/admin/webhook-endpoints', payload: { url: hooks.url } });
    const { incident, review } = await createReview(t, { title: 'Secret vault leak', services: ['vault'] });
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [member.id] } });
    // Both are mentioned and both follow the service: only the member hears.
    await post(t, `/api/reviews/${review.id}/comments`, { anchor: { part: 'summary' }, text: `@${member.email} @${stranger.email} look` });
    const slackBefore = slack.calls.length;
    await publishReview(t, review.id);
    await waitForMail(member.email, 2);
    await settled();
    expect(mailsTo(member.email).map((m) => m.subject).sort()).toEqual([`Harness admin mentioned you on the review of "Secret vault leak"`, 'Review published: Secret vault leak']);
    expect(mailsTo(stranger.email)).toEqual([]);
    expect(await deliveriesTo(stranger.id)).toEqual([]);
    expect(slack.calls.slice(slackBefore)).toEqual([]);
    expect(hooks.calls.filter((c) => c.body.includes('vault'))).toEqual([]);
    await t.request({ method: 'DELETE', url: `/api/admin/webhook-endpoints/${created.body.id}` });
  });

  it('asks the owner to decide on an action item whose soak time ended', async () => {
    run();
    const owner = await createUser(t, { role: 'responder' });
    const { review } = await createReview(t);
    const item = await post<ActionItem>(t, `/api/reviews/${review.id}/action-items`, { title: 'Soaked item' });
    await t.ctx.db.transaction().execute((trx) =>
      recordChange(t.ctx, trx, { type: 'actionItem.soakEnded', incidentId: review.incidentId, reviewId: review.id, actionItemId: item.id, ownerUserId: owner.id }, { action: 'action_item.soak_end', entityType: 'action_item', entityId: item.id, before: null, after: null }, systemActor),
    );
    const [mail] = await waitForMail(owner.email);
    expect(mail!.subject).toBe('Decide on this action item: "Soaked item"');
    expect(mail!.text).toContain('finished its soak time. Accept it or decline it with a reason.');
  });
});
