import { createHash } from 'node:crypto';
import { actionItemCreateSchema } from '../../shared/actions/action-item.schema.js';
import { incidentCreateSchema } from '../../shared/incidents/incident.schema.js';
import type { ImportRequest, ImportResult } from '../../shared/imports/import.schema.js';
import { type ImportedDocument, type ImportedIncident, importDocument } from '../../shared/imports/postmortem.js';
import { severityFrom } from '../../shared/imports/severity.js';
import type { Actor } from '../access/actor.js';
import { createActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { writeTransaction } from '../db/group-commit.js';
import { createIncident, getIncident } from '../incidents/incidents.service.js';
import { requestReview, updateReview } from '../reviews/reviews.service.js';
import { createEntries } from '../timeline/timeline.service.js';
import * as repo from './imports.repo.js';

type DocumentResult = ImportResult['documents'][number];
const BATCH = 500;
const ENTRY_TEXT_MAX = 10_000;

const contentHash = (content: string) => createHash('sha256').update(content).digest('hex');
const preview = (incident: ImportedIncident) => ({ ...incident, incidentId: null, reviewId: null });

/** Reads the documents; unless it is a dry run, creates what they describe (once per file). */
export async function importDocuments(ctx: AppContext, actor: Actor, request: ImportRequest): Promise<ImportResult> {
  const options = { timeZone: request.timeZone ?? null, ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}) };
  const documents: DocumentResult[] = [];
  for (const { name, content } of request.documents) {
    const parsed = importDocument(name, content, options);
    documents.push(request.dryRun ? { ...parsed, created: false, incidents: parsed.incidents.map(preview) } : await importOne(ctx, actor, parsed, contentHash(content)));
  }
  return { documents };
}

async function importOne(ctx: AppContext, actor: Actor, parsed: ImportedDocument, hash: string): Promise<DocumentResult> {
  const known = await repo.findImport(ctx.db, parsed.name, hash);
  if (known) {
    // Imported before: nothing new. An incident the caller may not see is not named.
    const visible = await Promise.all(known.map((id) => getIncident(ctx, id).then(() => id, () => null)));
    return { ...parsed, created: false, incidents: parsed.incidents.map((incident, i) => ({ ...preview(incident), incidentId: visible[i] ?? null })) };
  }
  const warnings = [...parsed.warnings];
  const incidents: DocumentResult['incidents'] = [];
  for (const incident of parsed.incidents) incidents.push(await createFromDocument(ctx, actor, incident, warnings));
  await writeTransaction(ctx.db, (trx) =>
    repo.insertImport(trx, {
      name: parsed.name,
      content_hash: hash,
      incident_ids: JSON.stringify(incidents.map((i) => i.incidentId)),
      imported_by_user_id: actor.userId ?? null,
      created_at: ctx.now().toISOString(),
    }),
  );
  return { name: parsed.name, created: true, incidents, warnings };
}

async function createFromDocument(ctx: AppContext, actor: Actor, imported: ImportedIncident, warnings: DocumentResult['warnings']) {
  const known = imported.timeline.filter((e): e is typeof e & { occurredAt: string } => e.occurredAt !== null);
  const last = [...known].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt)).pop();
  const severity = severityFrom(imported.severity);
  if (!severity) warnings.push({ code: 'no_severity', message: 'No severity is stated: the incident was created as sev3.', line: null });
  // A past incident: resolved when its last known entry happened (now, when no time is known).
  const incident = await createIncident(
    ctx,
    incidentCreateSchema.parse({
      title: imported.title,
      severity: severity ?? 'sev3',
      services: imported.services.slice(0, 50).map((s) => s.slice(0, 100)),
      customerImpact: imported.impact,
      status: 'resolved',
      resolvedAt: last?.occurredAt ?? null,
    }),
  );
  const { review } = await requestReview(ctx, incident, {});
  const learnings = imported.lessons.length > 0 ? imported.lessons.map((l) => `- ${l}`).join('\n') : null;
  await updateReview(ctx, review.id, { version: review.version, summary: imported.summary, impact: imported.impact, learnings });
  for (let i = 0; i < known.length; i += BATCH) {
    const inputs = known.slice(i, i + BATCH).map((e) => ({
      occurredAt: e.occurredAt,
      kind: 'note' as const,
      text: (e.text || `(line ${e.line})`).slice(0, ENTRY_TEXT_MAX),
      source: 'import' as const,
    }));
    await createEntries(ctx, actor, incident.id, inputs);
  }
  const unknown = imported.timeline.length - known.length;
  if (unknown > 0) warnings.push({ code: 'entries_without_time', message: `${unknown} timeline entries have no known time and were not added to the timeline.`, line: null });
  for (const item of imported.actionItems) {
    await createActionItem(ctx, review.id, actionItemCreateSchema.parse({ title: item.title.slice(0, 300), description: item.description, status: item.done ? 'done' : 'proposed' }));
  }
  return { ...imported, incidentId: incident.id, reviewId: review.id };
}
