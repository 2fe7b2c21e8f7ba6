/**
 * External summaries: a published review's chosen sections, redacted by its author, shared through
 * an unguessable link that needs no account, expires and can be revoked. The text comes from the
 * review alone (never from other incidents), and a restricted incident's review can be shared only
 * by its members. The link token is shown once and stored only as its SHA-256.
 */
import type { KnownPerson } from '../../shared/sharing/redaction.js';
import { findRedactions } from '../../shared/sharing/redaction.js';
import { composeExternalSummary } from '../../shared/sharing/compose-summary.js';
import type {
  ExternalSummary,
  ExternalSummaryCreated,
  SharedSummary,
  SummaryCreate,
  SummaryPreview,
  SummaryPreviewRequest,
  SummarySection,
  SummaryState,
} from '../../shared/sharing/external-summary.schema.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { ReviewDocument } from '../../shared/reviews/review-document.schema.js';
import type { PersonRef } from '../../shared/accounts/person.schema.js';
import type { AppContext } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { randomSecret, sha256 } from '../accounts/secrets.js';
import { listAccountNames } from '../accounts/users.service.js';
import { getIncidentAccess } from '../incidents/incident-access.service.js';
import { getReview } from '../reviews/reviews.service.js';
import { getReviewDocument } from '../review-document/review-document.service.js';
import * as repo from './external-summaries.repo.js';

const DAY_MS = 24 * 3600_000;

function stateOf(row: repo.ExternalSummaryRow, nowIso: string): SummaryState {
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= nowIso ? 'expired' : 'active';
}

const toSummary = (row: repo.ExternalSummaryRow, nowIso: string): ExternalSummary => ({
  id: row.id,
  reviewId: row.review_id,
  title: row.title,
  sections: JSON.parse(row.sections) as SummarySection[],
  text: row.text,
  state: stateOf(row, nowIso),
  keptFindings: row.kept_findings,
  createdBy: { userId: row.created_by_user_id, name: row.created_by_name },
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

/** What the audit log keeps: never the token's hash, and the text only by its length. */
const audited = (row: repo.ExternalSummaryRow) => ({ id: row.id, reviewId: row.review_id, sections: JSON.parse(row.sections) as unknown, chars: row.text.length, keptFindings: row.kept_findings, expiresAt: row.expires_at, revokedAt: row.revoked_at });

/** Everyone the review names, and every account: the names the finder looks for. */
async function knownPeople(ctx: AppContext, doc: ReviewDocument): Promise<KnownPerson[]> {
  const named: Array<PersonRef | null> = [
    doc.review.owner, doc.review.facilitator, doc.review.scribe, doc.review.requestedBy, doc.incident.commander, ...doc.incident.responders,
    ...doc.timeline.map((e) => e.author), ...doc.actionItems.map((a) => a.owner),
  ];
  const accounts = await listAccountNames(ctx);
  return [...accounts, ...named.flatMap((p) => (p ? [{ name: p.name }] : []))];
}

/**
 * The published review, read as the caller may see it (404 otherwise), and refused when it is not
 * published or, for a restricted incident, when the caller is not one of its members (admins included:
 * sharing outside is the members' decision).
 */
async function shareableDocument(ctx: AppContext, reviewId: number): Promise<ReviewDocument> {
  const doc = await getReviewDocument(ctx, reviewId);
  if (doc.review.state !== 'published') throw new AppError('conflict', 'Only a published review can be shared outside: publish it first');
  if (doc.incident.restricted) {
    const access = await getIncidentAccess(ctx, ctx.actor!, doc.incident.id);
    if (!access.members.some((m) => m.id === ctx.actor?.userId)) throw new AppError('forbidden', 'Only the members of a restricted incident may share its review outside');
  }
  return doc;
}

/** The chosen sections composed from the review, with everything the finder offers for redaction. */
export async function previewSummary(ctx: AppContext, reviewId: number, request: SummaryPreviewRequest): Promise<SummaryPreview> {
  const doc = await shareableDocument(ctx, reviewId);
  const text = composeExternalSummary(doc, request.sections);
  return { text, findings: findRedactions(text, { people: await knownPeople(ctx, doc), settings: ctx.config.sharing }) };
}

/** Stores the text as the author accepted it and returns the link's token, this once. */
export async function createSummary(ctx: AppContext, reviewId: number, input: SummaryCreate): Promise<ExternalSummaryCreated> {
  const doc = await shareableDocument(ctx, reviewId);
  const keptFindings = findRedactions(input.text, { people: await knownPeople(ctx, doc), settings: ctx.config.sharing }).length;
  const now = ctx.now();
  const token = randomSecret();
  const actor = ctx.actor!;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertSummary(trx, {
      review_id: reviewId,
      title: doc.incident.title,
      sections: JSON.stringify(input.sections),
      text: input.text,
      kept_findings: keptFindings,
      token_hash: sha256(token),
      created_by_user_id: actor.userId,
      created_by_name: actor.name,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
    });
    const event = { type: 'external_summary.created', incidentId: doc.incident.id, reviewId, summaryId: row.id } as const;
    await recordChange(ctx, trx, event, { action: 'external_summary.create', entityType: 'external_summary', entityId: row.id, before: null, after: audited(row) });
    return { ...toSummary(row, now.toISOString()), token };
  });
}

export async function listSummaries(ctx: AppContext, reviewId: number): Promise<ExternalSummary[]> {
  await getReview(ctx, reviewId);
  const nowIso = ctx.now().toISOString();
  return (await repo.listReviewSummaries(ctx.db, reviewId)).map((row) => toSummary(row, nowIso));
}

export async function getSummary(ctx: AppContext, reviewId: number, summaryId: number): Promise<ExternalSummary> {
  await getReview(ctx, reviewId);
  const row = await repo.findReviewSummary(ctx.db, reviewId, summaryId);
  if (!row) throw notFound('External summary', summaryId);
  return toSummary(row, ctx.now().toISOString());
}

/** Ends the link at once. Idempotent: revoking a revoked summary changes nothing. */
export async function revokeSummary(ctx: AppContext, reviewId: number, summaryId: number): Promise<ExternalSummary> {
  const review = await getReview(ctx, reviewId);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findReviewSummary(trx, reviewId, summaryId);
    if (!before) throw notFound('External summary', summaryId);
    const after = await repo.revokeSummary(trx, summaryId, now);
    if (!after) return toSummary(before, now);
    const event = { type: 'external_summary.revoked', incidentId: review.incidentId, reviewId, summaryId } as const;
    await recordChange(ctx, trx, event, { action: 'external_summary.revoke', entityType: 'external_summary', entityId: summaryId, before: audited(before), after: audited(after) });
    return toSummary(after, now);
  });
}

/** The same answer for a token that never existed, was revoked or has expired: the link tells nothing. */
const noSuchLink = () => new AppError('not_found', 'This link does not exist, has expired or was revoked');

/** What a link shows to anyone: the stored text and its dates, while it is active. */
export async function readSharedSummary(ctx: AppContext, token: string): Promise<SharedSummary> {
  const row = await repo.findSummaryByTokenHash(ctx.db, sha256(token));
  if (!row || stateOf(row, ctx.now().toISOString()) !== 'active') throw noSuchLink();
  return { title: row.title, text: row.text, sharedAt: row.created_at, expiresAt: row.expires_at };
}
