import { describe, expect, it } from 'vitest';
import type { ExternalSummary, ExternalSummaryCreated, SharedSummary, SummaryPreview } from '../../shared/sharing/external-summary.schema.js';
import { applyRedactions } from '../../shared/sharing/redaction-kinds.js';
import type { Review } from '../../shared/reviews/review.schema.js';
import { createUser, signedIn, signIn } from '../../../test/support/accounts.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { createReview, get, patch, post, publishReview } from '../../../test/support/reviews.js';
import { readPdf } from '../../../test/support/pdf.js';
import { planted, plantedPostmortem } from '../../../test/fixtures/sharing/planted-postmortem.js';
import { sha256 } from '../accounts/secrets.js';

const allSections = ['summary', 'impact', 'timeline', 'contributingFactors', 'whatWentWell', 'actionItems', 'lessons'];
const DAY_MS = 24 * 3600_000;

/** A published review made from the real postmortem with planted names, hosts, IPs, e-mails, links and tickets. */
async function publishedPostmortem(t: TestApp) {
  const doc = plantedPostmortem();
  const { incident, review } = await createReview(t, { title: doc.title, commander: 'Tomasz Wójcik', impactStartedAt: doc.timeline[0]!.occurredAt });
  await patch(t, `/api/reviews/${review.id}`, { version: review.version, summary: doc.summary, learnings: doc.learnings });
  for (const entry of doc.timeline) await post(t, `/api/incidents/${incident.id}/timeline`, entry);
  for (const title of doc.contributors) await post(t, `/api/reviews/${review.id}/factors`, { kind: 'contributor', title });
  for (const title of doc.actions) await post(t, `/api/reviews/${review.id}/action-items`, { title });
  await publishReview(t, review.id);
  return { incident, review };
}

const preview = (t: TestApp, reviewId: number, sections = allSections) => post<SummaryPreview>(t, `/api/reviews/${reviewId}/external-summaries/preview`, { sections });

async function share(t: TestApp, reviewId: number, expiresInDays = 30): Promise<ExternalSummaryCreated> {
  const { text, findings } = await preview(t, reviewId);
  return post<ExternalSummaryCreated>(t, `/api/reviews/${reviewId}/external-summaries`, { sections: allSections, text: applyRedactions(text, findings), expiresInDays });
}

describe.each(databaseKinds)('external summaries on %s', (kind) => {
  const t = useTestApp(kind);

  it('finds the planted names, hosts, IPs, e-mails, links and tickets in a real postmortem, and leaves its own words alone', async () => {
    await createUser(t, { name: 'Priya Raman', email: `priya.raman.${kind}@example.com` });
    const { review } = await publishedPostmortem(t);
    const { text, findings } = await preview(t, review.id);
    const byKind = (k: string) => findings.filter((f) => f.kind === k).map((f) => f.text);

    expect(byKind('person')).toEqual(expect.arrayContaining(planted.people));
    expect(byKind('hostname')).toEqual(expect.arrayContaining(planted.hosts));
    expect(byKind('ip')).toEqual(expect.arrayContaining(planted.ips));
    expect(byKind('email')).toEqual(planted.emails);
    expect(byKind('link')).toEqual(planted.links);
    expect(byKind('ticket')).toEqual(planted.tickets);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    const flagged = findings.map((f) => f.text).join(' ');
    for (const word of ['CoreDNS', 'Kubernetes', 'KIAM', 'Amazon', '1.14', 'EKS', 'SRE', '11:21']) expect(flagged).not.toContain(word);
    // The commander's name is not in the composed text unless the review's prose names them.
    expect(text).toContain('## Contributing factors');
    expect(text).not.toContain('Sara Lind');
  });

  it('composes only the chosen sections, without authors or owners', async () => {
    const { review } = await publishedPostmortem(t);
    const { text } = await preview(t, review.id, ['impact', 'timeline']);
    expect(text).toContain('## Timeline');
    expect(text).toContain('CoreDNS upgraded and issue permanently fixed');
    expect(text).not.toContain('## Summary');
    expect(text).not.toContain('Harness admin');
  });

  it('shares through a link that works signed out, is stored only as a hash, and stops when revoked', async () => {
    const { review } = await publishedPostmortem(t);
    const created = await share(t, review.id);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.state).toBe('active');
    expect(created.text).not.toContain('db-primary-03');

    const shared = await t.requestAs<SharedSummary>(null, { method: 'GET', url: `/api/shared/${created.token}` });
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual({ title: 'CoreDNS upgrade issue', text: created.text, sharedAt: created.createdAt, expiresAt: created.expiresAt });
    expect(shared.body.text).toContain('[internal host]');
    expect(shared.headers['cache-control']).toBe('no-store');
    expect(shared.headers['x-robots-tag']).toContain('noindex');

    const rows = await t.database.handle.db.selectFrom('external_summaries').selectAll().execute();
    expect(rows.find((r) => r.id === created.id)?.token_hash).toBe(sha256(created.token));
    const stored = JSON.stringify([rows, await t.database.handle.db.selectFrom('audit_log').selectAll().execute(), await t.database.handle.db.selectFrom('events').selectAll().execute()]);
    expect(stored).not.toContain(created.token);

    const unknown = await t.requestAs(null, { method: 'GET', url: `/api/shared/${'A'.repeat(43)}` });
    expect(unknown.status).toBe(404);
    const revoked = await post<ExternalSummary>(t, `/api/reviews/${review.id}/external-summaries/${created.id}/revoke`, {});
    expect(revoked.state).toBe('revoked');
    const afterRevoke = await t.requestAs(null, { method: 'GET', url: `/api/shared/${created.token}` });
    expect(afterRevoke.status).toBe(404);
    expect(afterRevoke.body).toEqual(unknown.body);
    expect(afterRevoke.headers['cache-control']).toBe('no-store');

    const audit = await t.database.handle.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'external_summary').where('entity_id', '=', String(created.id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['external_summary.create', 'external_summary.revoke']);
  });

  it('stops the link when it expires, and lists each summary with its state', async () => {
    const { review } = await publishedPostmortem(t);
    const soon = await share(t, review.id, 1);
    const later = await share(t, review.id, 90);
    const realNow = t.clock.now;
    try {
      t.clock.now = new Date(realNow.getTime() + DAY_MS + 1000);
      expect((await t.requestAs(null, { method: 'GET', url: `/api/shared/${soon.token}` })).status).toBe(404);
      expect((await t.requestAs(null, { method: 'GET', url: `/api/shared/${later.token}` })).status).toBe(200);
      const list = await get<{ items: ExternalSummary[] }>(t, `/api/reviews/${review.id}/external-summaries`);
      expect(list.items.map((s) => [s.id, s.state])).toEqual([[later.id, 'active'], [soon.id, 'expired']]);
    } finally {
      t.clock.now = realNow;
    }
  });

  it('downloads the shared text as Markdown', async () => {
    const { review } = await publishedPostmortem(t);
    const created = await share(t, review.id);
    const response = await t.request<string>({ method: 'GET', url: `/api/reviews/${review.id}/external-summaries/${created.id}/markdown` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/markdown');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.body).toBe(created.text);
  });

  it('downloads the shared text as a PDF with the redactions, and nothing redacted', async () => {
    const { review } = await publishedPostmortem(t);
    const created = await share(t, review.id);
    const response = await t.app.inject({ method: 'GET', url: `/api/reviews/${review.id}/external-summaries/${created.id}/pdf`, headers: await t.authHeaders('viewer') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { title, pages } = await readPdf(response.rawPayload);
    expect(title).toBe(created.title);
    const text = pages.join(' ');
    expect(text).toContain('[internal host]');
    for (const secret of [...planted.hosts, ...planted.ips, ...planted.emails]) expect(text).not.toContain(secret);
  });

  it('refuses a review that is not published, an expiry past 90 days, and viewers', async () => {
    const { review } = await createReview(t);
    const draft = await t.request({ method: 'POST', url: `/api/reviews/${review.id}/external-summaries/preview`, payload: { sections: ['summary'] } });
    expect(draft.status).toBe(409);
    const created = await t.request({ method: 'POST', url: `/api/reviews/${review.id}/external-summaries`, payload: { sections: ['summary'], text: 'x', expiresInDays: 7 } });
    expect(created.status).toBe(409);

    const published = await publishReview(t, (await createReview(t)).review.id);
    const tooLong = await t.request({ method: 'POST', url: `/api/reviews/${published.id}/external-summaries`, payload: { sections: ['summary'], text: 'x', expiresInDays: 91 } });
    expect(tooLong.status).toBe(400);
    const asViewer = await t.requestAs('viewer', { method: 'POST', url: `/api/reviews/${published.id}/external-summaries`, payload: { sections: ['summary'], text: 'x', expiresInDays: 7 } });
    expect(asViewer.status).toBe(403);
    expect((await get<{ items: unknown[] }>(t, `/api/reviews/${published.id}/external-summaries`)).items).toEqual([]);
  });

  it("shares a restricted incident's review only by its members", async () => {
    const member = await signedIn(t, 'responder');
    const outsider = await signedIn(t, 'responder');
    const adminUser = await createUser(t, { role: 'admin' });
    const admin = await signIn(t, adminUser.email);
    const { incident, review } = await createReview(t);
    const published: Review = await publishReview(t, review.id);
    await t.request({ method: 'PUT', url: `/api/incidents/${incident.id}/access`, payload: { restricted: true, memberIds: [member.user.id] } });
    const payload = { sections: ['summary'], text: 'What happened.', expiresInDays: 7 };
    const url = `/api/reviews/${published.id}/external-summaries`;

    expect((await outsider.request({ method: 'POST', url, payload })).status).toBe(404);
    expect((await outsider.request({ method: 'GET', url })).status).toBe(404);
    expect((await admin.request({ method: 'POST', url, payload })).status).toBe(403);
    const made = await member.request<ExternalSummaryCreated>({ method: 'POST', url, payload });
    expect(made.status).toBe(201);
    expect(made.headers.location).toBe(`${url}/${made.body.id}`);
    expect((await t.requestAs(null, { method: 'GET', url: `/api/shared/${made.body.token}` })).status).toBe(200);
  });
});
