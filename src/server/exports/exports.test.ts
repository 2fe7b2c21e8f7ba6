import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/accounts/roles.js';
import { useTestApp, type TestApp } from '../../../test/support/app.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { readPdf } from '../../../test/support/pdf.js';
import { createReview, get, post, publishReview } from '../../../test/support/reviews.js';

/** A raw download, as bytes. */
async function download(t: TestApp, url: string, role: Role = 'admin') {
  const response = await t.app.inject({ method: 'GET', url, headers: await t.authHeaders(role) });
  return { status: response.statusCode, type: String(response.headers['content-type']), disposition: String(response.headers['content-disposition']), bytes: response.rawPayload };
}

/** A review with a timeline, a contributor and an action item, published. */
async function fullReview(t: TestApp, overrides: Parameters<typeof createReview>[1] = {}) {
  const { incident, review } = await createReview(t, overrides);
  await post(t, `/api/incidents/${incident.id}/timeline`, { occurredAt: '2026-03-10T09:05:00+01:00', kind: 'signal', text: 'Replication lag alert fired' });
  await post(t, `/api/reviews/${review.id}/action-items`, { title: 'Alert on replication lag before failover', priority: 'high' });
  await publishReview(t, review.id);
  return { incident, review };
}

const unzip = (bytes: Buffer) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, Buffer.from(data).toString('utf8')]));

describe.each(databaseKinds)('exports on %s', (kind) => {
  const t = useTestApp(kind);

  it('exports a review as the existing Markdown, kept at its old address too', async () => {
    const { review } = await fullReview(t, { title: 'Database failover', impactStartedAt: '2026-03-05T09:00:00Z' });
    const exported = await download(t, `/api/reviews/${review.id}/export?format=markdown`, 'viewer');
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('text/markdown; charset=utf-8');
    expect(exported.disposition).toBe(`attachment; filename="2026-03-05-inc-${review.incidentId}-database-failover.md"`);
    expect(exported.bytes.toString()).toBe(await get<string>(t, `/api/reviews/${review.id}/markdown`));
    expect(exported.bytes.toString()).toContain('Replication lag alert fired');
    expect((await download(t, `/api/reviews/${review.id}/export`)).bytes.toString()).toBe(exported.bytes.toString());
  });

  it('exports a standalone, escaped HTML page', async () => {
    const { review } = await fullReview(t, { title: '<script>alert(1)</script> Checkout down' });
    const html = await download(t, `/api/reviews/${review.id}/export?format=html`);
    expect(html.type).toBe('text/html; charset=utf-8');
    expect(html.disposition).toMatch(/filename="\d{4}-\d{2}-\d{2}-inc-\d+-script-alert-1-script-checkout-down\.html"/);
    const page = html.bytes.toString();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Checkout down');
    expect(page).toContain('<th>Event</th>');
    expect(page).toContain('<td>Replication lag alert fired</td>');
    expect(page).toContain('@media print');
  });

  it('exports a PDF whose text, read back, has the headings, timeline, action items and page numbers', async () => {
    const { review, incident } = await fullReview(t, { title: 'Primary database failover' });
    const pdf = await download(t, `/api/reviews/${review.id}/export?format=pdf`, 'viewer');
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toMatch(/^attachment; filename="[\d-]+-inc-\d+-primary-database-failover\.pdf"$/);
    expect(pdf.bytes.subarray(0, 4).toString()).toBe('%PDF');
    const { title, pages } = await readPdf(pdf.bytes);
    expect(title).toBe(`Incident #${incident.id}: Primary database failover`);
    const text = pages.join('\n');
    for (const expected of ['Primary database failover', 'Timeline', 'Replication lag alert fired', 'Contributors', 'A contributing factor', 'Action items', 'Alert on replication lag before failover']) {
      expect(text).toContain(expected);
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('answers 404 for a review the caller may not see, and 400 for an unknown format', async () => {
    const { review } = await fullReview(t, { restricted: true });
    expect((await download(t, `/api/reviews/${review.id}/export?format=pdf`, 'viewer')).status).toBe(404);
    expect((await download(t, `/api/reviews/${review.id}/export?format=pdf`, 'admin')).status).toBe(200);
    expect((await download(t, `/api/reviews/${review.id}/export?format=docx`)).status).toBe(400);
  });

  it('exports the knowledge base as a wiki folder: stable names, an index, the same bytes twice, nothing restricted for outsiders', async () => {
    const open = await fullReview(t, { title: 'Wiki: cache stampede', impactStartedAt: '2025-11-02T23:30:00-05:00' });
    const secret = await fullReview(t, { title: 'Wiki: secret payroll leak', impactStartedAt: '2025-11-03T10:00:00Z', restricted: true });
    const draft = await createReview(t, { title: 'Wiki: still a draft' });
    const openPath = `2025/2025-11-02-inc-${open.incident.id}-wiki-cache-stampede.md`;
    const secretPath = `2025/2025-11-03-inc-${secret.incident.id}-wiki-secret-payroll-leak.md`;

    const first = await download(t, '/api/knowledge-base/export?format=markdown', 'viewer');
    expect(first.type).toBe('application/zip');
    expect(first.disposition).toBe('attachment; filename="knowledge-base-markdown.zip"');
    const files = unzip(first.bytes);
    expect(Object.keys(files)[0]).toBe('index.md');
    expect(files).toHaveProperty([openPath]);
    expect(files[openPath]).toBe(await get<string>(t, `/api/reviews/${open.review.id}/markdown`));
    expect(files['index.md']).toContain(`[#${open.incident.id} Wiki: cache stampede](${openPath})`);
    expect(Object.keys(files).join()).not.toContain('secret');
    expect(JSON.stringify(files)).not.toContain('secret payroll');
    expect(JSON.stringify(files)).not.toContain('still a draft');
    expect(Object.keys(files).some((name) => name.includes(`inc-${draft.incident.id}-`))).toBe(false);

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const again = await download(t, '/api/knowledge-base/export?format=markdown', 'viewer');
    expect(again.bytes.equals(first.bytes)).toBe(true);

    const asAdmin = unzip((await download(t, '/api/knowledge-base/export?format=markdown', 'admin')).bytes);
    expect(asAdmin).toHaveProperty([secretPath]);

    const html = unzip((await download(t, '/api/knowledge-base/export?format=html', 'viewer')).bytes);
    expect(Object.keys(html)).toEqual(expect.arrayContaining(['index.html', openPath.replace(/\.md$/, '.html')]));
    expect(html['index.html']).toContain(`<a href="${openPath.replace(/\.md$/, '.html')}">`);
  });
});
