import { createHash } from 'node:crypto';
import { ZodError } from 'zod';
import { actionItemCreateSchema } from '../../shared/actions/action-item.schema.js';
import { AppError } from '../../shared/errors.js';
import { incidentCreateSchema } from '../../shared/incidents/incident.schema.js';
import type { ImportRequest, ImportResult } from '../../shared/imports/import.schema.js';
import { type ImportOptions, type ImportedDocument, type ImportedIncident, importDocument } from '../../shared/imports/postmortem.js';
import { anchorUntimed } from '../../shared/imports/evidence.js';
import { severityFrom } from '../../shared/imports/severity.js';
import type { FactorKind } from '../../shared/reviews/factor.schema.js';
import { factorCreateSchema } from '../../shared/reviews/factor.schema.js';
import type { Actor } from '../access/actor.js';
import { createActionItem } from '../actions/action-items.service.js';
import { addAttachment } from '../attachments/attachments.service.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';
import { writeTransaction } from '../db/group-commit.js';
import { createFactor } from '../factors/factors.service.js';
import { createIncident, getIncident } from '../incidents/incidents.service.js';
import { requestReview, updateReview } from '../reviews/reviews.service.js';
import { createEntries } from '../timeline/timeline.service.js';
import * as repo from './imports.repo.js';

type DocumentResult = ImportResult['documents'][number];
type Warning = DocumentResult['warnings'][number];
const BATCH = 500;
const ENTRY_TEXT_MAX = 10_000;
const TITLE_MAX = 300;
const DESCRIPTION_MAX = 20_000;

const contentHash = (content: string) => createHash('sha256').update(content).digest('hex');
const preview = (incident: ImportedIncident) => ({ ...incident, incidentId: null, reviewId: null });

/**
 * An entry whose time is unknown is kept with precision 'unknown', ordered after the entry before it
 * (anchorUntimed); never given an invented time. A document without any timed entry has nothing to
 * order it by, so its untimed entries are not added.
 */
const untimedWarnings = (incidents: ImportedIncident[]): Warning[] =>
  incidents.flatMap((incident) => {
    const anchored = incident.timeline.some((entry) => entry.occurredAt !== null);
    return incident.timeline
      .filter((entry) => entry.occurredAt === null)
      .map((entry) => ({
        code: 'entry_without_time',
        message: `"${entry.text.slice(0, 80) || `line ${entry.line}`}" has no known time${entry.date ? ` (only the day, ${entry.date})` : ''}: ${
          anchored ? 'it is added as "time unknown", placed after the entry before it.' : 'it is not added to the timeline.'
        }`,
        line: entry.line,
      }));
  });

/** How the request asks its documents to be read. */
export const readingOptions = (request: Pick<ImportRequest, 'timeZone' | 'dateOrder'>): ImportOptions => ({
  timeZone: request.timeZone ?? null,
  ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}),
});

/**
 * Reads the documents (or takes them already read, in order, with `readingOptions(request)`); unless it
 * is a dry run, creates what each describes, each in one transaction (once per file).
 */
export async function importDocuments(ctx: AppContext, actor: Actor, request: ImportRequest, alreadyRead?: ImportedDocument[]): Promise<ImportResult> {
  const options = readingOptions(request);
  const documents: DocumentResult[] = [];
  for (const [i, { name, content }] of request.documents.entries()) {
    const parsed = alreadyRead?.[i] ?? importDocument(name, content, options);
    const read = { ...parsed, warnings: [...parsed.warnings, ...untimedWarnings(parsed.incidents)] };
    documents.push(request.dryRun ? { ...read, created: false, error: null, incidents: parsed.incidents.map(preview) } : await importOne(ctx, actor, read, content));
  }
  return { documents };
}

/** One document, all or nothing: a failure leaves nothing of it behind and is reported on the document. */
async function importOne(ctx: AppContext, actor: Actor, parsed: ImportedDocument, content: string): Promise<DocumentResult> {
  const hash = contentHash(content);
  try {
    return await writeTransaction(ctx.db, async (trx) => {
      const inTransaction: AppContext = { ...ctx, db: trx };
      return (await importedBefore(inTransaction, parsed, hash)) ?? (await createAll(inTransaction, actor, parsed, content, hash));
    });
  } catch (error) {
    // The same file imported at the same moment by someone else: theirs stands.
    if (isUniqueViolation(error)) {
      const before = await importedBefore(ctx, parsed, hash);
      if (before) return before;
    }
    // What the document holds that the services refuse is the document's problem; anything else is the server's.
    if (!(error instanceof AppError || error instanceof ZodError)) throw error;
    const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') : error.message;
    return { ...parsed, created: false, error: `Nothing was imported from this document: ${message}`, incidents: parsed.incidents.map(preview) };
  }
}

async function importedBefore(ctx: AppContext, parsed: ImportedDocument, hash: string): Promise<DocumentResult | null> {
  const known = await repo.findImport(ctx.db, parsed.name, hash);
  if (!known) return null;
  // Nothing new. An incident the caller may not see is not named.
  const visible = await Promise.all(known.map((id) => getIncident(ctx, id).then(() => id, () => null)));
  return { ...parsed, created: false, error: null, incidents: parsed.incidents.map((incident, i) => ({ ...preview(incident), incidentId: visible[i] ?? null })) };
}

async function createAll(ctx: AppContext, actor: Actor, parsed: ImportedDocument, content: string, hash: string): Promise<DocumentResult> {
  const warnings = [...parsed.warnings];
  const incidents: DocumentResult['incidents'] = [];
  for (const incident of parsed.incidents) incidents.push(await createFromDocument(ctx, actor, incident, { name: parsed.name, content }, warnings));
  await repo.insertImport(ctx.db, {
    name: parsed.name,
    content_hash: hash,
    incident_ids: JSON.stringify(incidents.map((i) => i.incidentId)),
    imported_by_user_id: actor.userId ?? null,
    created_at: ctx.now().toISOString(),
  });
  return { name: parsed.name, created: true, error: null, incidents, warnings };
}

/** A long sentence as a title (cut at a word) and, when cut, the whole of it as the description. */
export function titled(text: string): { title: string; description: string | null } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_MAX) return { title: flat, description: null };
  const cut = flat.slice(0, TITLE_MAX - 1);
  return { title: `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2)).trim()}…`, description: text.slice(0, DESCRIPTION_MAX) };
}

const mediaTypeOf = (name: string) => (/\.(?:md|markdown|mdx)$/i.test(name) ? 'text/markdown' : 'text/plain');

async function createFromDocument(ctx: AppContext, actor: Actor, imported: ImportedIncident, file: { name: string; content: string }, warnings: Warning[]) {
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
  await updateReview(ctx, review.id, { version: review.version, summary: imported.summary, impact: imported.impact });
  const fileName = file.name.split(/[\\/]/).pop()!;
  const lines = file.content.split(/\r?\n/);
  const entries = anchorUntimed(imported.timeline) ?? [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const inputs = entries.slice(i, i + BATCH).map((e) => ({
      occurredAt: e.occurredAt,
      kind: 'note' as const,
      text: (e.text || `(line ${e.line})`).slice(0, ENTRY_TEXT_MAX),
      source: 'import' as const,
      precision: e.timelinePrecision,
      provenance: { label: fileName, ref: `${fileName}:${e.line}`, excerpt: (lines[e.line - 1]?.trim() || e.text).slice(0, ENTRY_TEXT_MAX) || null },
    }));
    await createEntries(ctx, actor, incident.id, inputs);
  }
  const factors: Array<[FactorKind, string[]]> = [
    ['contributor', imported.contributingFactors],
    ['mitigator', imported.mitigators],
    ['risk', imported.risks],
    ['learning', imported.lessons],
  ];
  for (const [kind, texts] of factors) {
    for (const text of texts) await createFactor(ctx, review.id, factorCreateSchema.parse({ kind, ...titled(text) }));
  }
  for (const item of imported.actionItems) {
    const { title, description } = titled(item.title);
    const fullDescription = [description, item.description].filter(Boolean).join('\n\n').slice(0, DESCRIPTION_MAX) || null;
    await createActionItem(ctx, review.id, actionItemCreateSchema.parse({ title, description: fullDescription, status: item.done ? 'done' : 'proposed' }), { soak: false });
  }
  await addAttachment(ctx, review.id, { name: fileName, mediaType: mediaTypeOf(file.name), content: file.content });
  return { ...imported, incidentId: incident.id, reviewId: review.id };
}
