import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultPreferences, type NotificationPreferencesState } from '../../shared/notifications/notification.schema.js';
import type { Team } from '../../shared/teams/team.schema.js';
import { useTestApp } from '../../../test/support/app.js';
import { createUser, signIn } from '../../../test/support/accounts.js';
import { databaseKinds, testConfig } from '../../../test/support/databases.js';
import { jobsOfKind, useRunners } from '../../../test/support/jobs.js';
import { startSlackPeer, startSmtpPeer } from '../../../test/support/notification-peers.js';
import { createReview, patch, post, publishReview } from '../../../test/support/reviews.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { enqueueWeeklyDigests, weeklyDigestJob } from './weekly-digest.job.js';

const SLACK_TOKEN = 'xoxb-weekly-digest';
const smtp = await startSmtpPeer();
const slack = await startSlackPeer(SLACK_TOKEN);
afterAll(() => Promise.all([smtp.close(), slack.close()]));

describe.each(databaseKinds)('the weekly team digest on %s', (kind) => {
  const t = useTestApp(
    kind,
    testConfig({
      HINDSIGHT_SMTP_URL: smtp.url,
      HINDSIGHT_SLACK_TOKEN: SLACK_TOKEN,
      HINDSIGHT_SLACK_API_URL: slack.apiUrl,
      HINDSIGHT_PUBLIC_URL: 'https://hindsight.example.com',
      HINDSIGHT_TIME_ZONE: 'Europe/Copenhagen',
      HINDSIGHT_DIGEST_WEEKDAY: 'monday',
      HINDSIGHT_DIGEST_HOUR: '9',
    }),
  );
  const runners = useRunners();
  const channel = `C0PAY${kind.toUpperCase()}`;
  const digestMails = (email: string) => smtp.received.filter((mail) => mail.to.includes(email) && mail.subject.startsWith('Incident digest'));
  const channelPosts = () => slack.calls.filter((call) => call.body.channel === channel);
  const settled = () =>
    vi.waitFor(
      async () => {
        const open = await t.ctx.db.selectFrom('jobs').select(['kind', 'state']).where('state', 'in', ['queued', 'running']).where((eb) => eb.or([eb('kind', 'like', 'notifications.%'), eb('kind', 'like', 'digests.%')])).execute();
        if (open.length) throw new Error(`jobs still open: ${JSON.stringify(open)}`);
      },
      { timeout: 20_000, interval: 20 },
    );

  /** A review of `service` published during 2026-W49 (Copenhagen), with a lesson. */
  async function published(title: string, service: string) {
    t.clock.now = new Date('2026-12-02T10:00:00Z');
    const { incident, review } = await createReview(t, { title, services: [service], severity: 'sev2', impactStartedAt: '2026-12-01T10:00:00Z' });
    const current = await t.request<{ version: number }>({ method: 'GET', url: `/api/reviews/${review.id}` });
    await patch(t, `/api/reviews/${review.id}`, { version: current.body.version, learnings: `What ${title} taught us.` });
    await publishReview(t, review.id);
    return incident;
  }

  it('mails each opted-in member their own copy and posts one to the channel, once, restricted incidents only to who may see them', async () => {
    const ana = await createUser(t, { role: 'responder', name: 'Ana Lima' });
    const bo = await createUser(t, { role: 'viewer', name: 'Bo Berg' });
    const cy = await createUser(t, { role: 'viewer', name: 'Cy Opted-Out' });
    // Bo saved preferences before the weekly digest existed: it takes its default (on).
    const defaults = defaultPreferences('UTC');
    const { 'digest.weekly': _added, ...olderKinds } = defaults.kinds;
    await t.ctx.db.insertInto('notification_preferences').values({ user_id: bo.id, preferences: JSON.stringify({ ...defaults, kinds: olderKinds }), digest_hour: null, time_zone: 'UTC', updated_at: new Date().toISOString() }).execute();
    const browser = await signIn(t, cy.email);
    const preferences = (await browser.request<NotificationPreferencesState>({ method: 'GET', url: '/api/me/notification-preferences' })).body;
    expect(preferences.kinds['digest.weekly']).toEqual({ email: true, slack: false });
    const { channels: _channels, ...choice } = preferences;
    const saved = await browser.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { ...choice, kinds: { ...choice.kinds, 'digest.weekly': { email: false, slack: false } } } });
    expect(saved.status).toBe(200);

    const team = (await post<Team>(t, '/api/teams', { name: 'Payments', slug: `payments-${kind}`, services: ['wd-checkout', 'wd-ledger'], memberIds: [ana.id, bo.id, cy.id], slackChannel: channel }));
    await published('Checkout timeouts', 'wd-checkout');
    const secret = await published('Ledger vault outage', 'wd-ledger');
    await t.request({ method: 'PUT', url: `/api/incidents/${secret.id}/access`, payload: { restricted: true, memberIds: [ana.id] } });
    await published('Search reindex stalled', 'wd-search');

    // Monday 2026-12-07, 08:30 in Copenhagen: not yet; 09:30: the week just ended goes, one job per team.
    t.clock.now = new Date('2026-12-07T07:30:00Z');
    expect(await enqueueWeeklyDigests(t.ctx)).toBe(0);
    t.clock.now = new Date('2026-12-07T08:30:00Z');
    expect(await enqueueWeeklyDigests(t.ctx)).toBeGreaterThanOrEqual(1);
    await enqueueWeeklyDigests(t.ctx); // a second sweep in the same hour enqueues nothing more
    const jobs = (await jobsOfKind(t.ctx, 'digests.weekly')).filter((job) => JSON.parse(job.payload).teamId === team.id);
    expect(jobs.map((job) => [job.idempotency_key, JSON.parse(job.payload)])).toEqual([[`digests.weekly:${team.id}:2026-W49`, { teamId: team.id, week: '2026-W49' }]]);

    runners(t.ctx, t.ctx.hooks.jobs);
    await settled();
    const [anaMail, ...moreToAna] = digestMails(ana.email);
    const [boMail, ...moreToBo] = digestMails(bo.email);
    expect([moreToAna, moreToBo, digestMails(cy.email)]).toEqual([[], [], []]);
    expect(anaMail!.subject).toBe('Incident digest 2026-W49: Payments');
    expect(anaMail!.text).toContain('## Published reviews and what we learned');
    expect(anaMail!.text).toContain('Checkout timeouts');
    expect(anaMail!.text).toContain('Ledger vault outage');
    expect(anaMail!.html).toContain('<h1>Incident digest 2026-W49: Payments</h1>');
    expect(anaMail!.html).toContain('What Ledger vault outage taught us.');
    expect(boMail!.text).toContain('Checkout timeouts');
    expect(boMail!.text + boMail!.html).not.toContain('Ledger vault');
    expect(anaMail!.text + boMail!.text).not.toContain('Search reindex');

    expect(channelPosts()).toHaveLength(1);
    const post_ = JSON.stringify(channelPosts()[0]!.body);
    expect(post_).toContain('Checkout timeouts');
    expect(post_).not.toContain('Ledger vault');
    expect(post_).toContain(`https://hindsight.example.com/digest?week=2026-W49&team=payments-${kind}`);
    expect(slack.problems).toEqual([]);

    // The job again (a retry, or a second instance's copy): every delivery exists, nothing is sent.
    await enqueueJob(t.ctx.db, weeklyDigestJob, { teamId: team.id, week: '2026-W49' }, { idempotencyKey: `again:${team.id}` });
    await settled();
    expect([digestMails(ana.email).length, digestMails(bo.email).length, channelPosts().length]).toEqual([1, 1, 1]);
  });

  it('a sweep after the send time still sends the week (an outage, an hour a clock change skips), once', async () => {
    const team = await post<Team>(t, '/api/teams', { name: 'Late sweep', slug: `late-sweep-${kind}` });
    const jobsOfTeam = async () => (await jobsOfKind(t.ctx, 'digests.weekly')).filter((job) => JSON.parse(job.payload).teamId === team.id).map((job) => JSON.parse(job.payload).week);
    t.clock.now = new Date('2026-12-14T07:59:00Z'); // Monday 08:59 in Copenhagen: not yet
    await enqueueWeeklyDigests(t.ctx);
    expect(await jobsOfTeam()).not.toContain('2026-W50');
    t.clock.now = new Date('2026-12-15T13:00:00Z'); // Tuesday: the sweeps of Monday's hour never ran
    await enqueueWeeklyDigests(t.ctx);
    await enqueueWeeklyDigests(t.ctx);
    expect((await jobsOfTeam()).filter((week) => week === '2026-W50')).toHaveLength(1);
  });

  it('sends nothing for a quiet week and stops for a deleted team', async () => {
    const dee = await createUser(t, { name: 'Dee Quiet' });
    const quiet = await post<Team>(t, '/api/teams', { name: 'Quiet', slug: `quiet-${kind}`, services: ['wd-nothing'], memberIds: [dee.id], slackChannel: 'C0QUIET' });
    const gone = await post<Team>(t, '/api/teams', { name: 'Gone', slug: `gone-${kind}`, services: ['wd-checkout'], memberIds: [dee.id] });
    await t.request({ method: 'DELETE', url: `/api/teams/${gone.id}` });
    runners(t.ctx, t.ctx.hooks.jobs);
    for (const teamId of [quiet.id, gone.id]) await enqueueJob(t.ctx.db, weeklyDigestJob, { teamId, week: '2026-W49' });
    await settled();
    expect(digestMails(dee.email)).toEqual([]);
    expect(slack.calls.filter((call) => call.body.channel === 'C0QUIET')).toEqual([]);
  });
});
