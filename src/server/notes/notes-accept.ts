import type { Incident } from '../../shared/incidents/incident.schema.js';
import { proposalId } from '../../shared/notes/proposal-id.js';
import type { NoteProposal, NotesAcceptRequest, NotesAcceptResult } from '../../shared/notes/notes.schema.js';
import type { TimelineEntryCreate } from '../../shared/timeline/timeline.schema.js';
import type { Actor } from '../access/actor.js';
import { createActionItem } from '../actions/action-items.service.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/dialect.js';
import { writeTransaction } from '../db/group-commit.js';
import { recordChange } from '../events/record-change.js';
import { createFactor } from '../factors/factors.service.js';
import { titled } from '../imports/imports.service.js';
import { getIncident } from '../incidents/incidents.service.js';
import { reviewForEdit } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import { createEntries } from '../timeline/timeline.service.js';
import * as repo from './notes.repo.js';

type Accepted = NotesAcceptResult['accepted'][number];

const lines = (p: NoteProposal) => (p.sourceLines[0] === p.sourceLines[1] ? `line ${p.sourceLines[0]}` : `lines ${p.sourceLines[0]}–${p.sourceLines[1]}`);

/** A timeline entry from a proposal: its instant, or (time unknown) an ordering anchor that is never shown as its time. */
function entryOf(p: NoteProposal, incident: Incident): TimelineEntryCreate {
  const known = p.occurredAt !== null;
  return {
    occurredAt: p.occurredAt ?? p.anchorAt ?? incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt,
    kind: 'note',
    text: p.text,
    source: 'manual',
    precision: known ? (p.precision ?? 'minute') : 'unknown',
    provenance: { label: 'Review notes', ref: `notes ${lines(p)}`, excerpt: [p.timeAsWritten, p.text].filter(Boolean).join(' ') },
  };
}

/**
 * Creates what the chosen proposals describe through the timeline, factors and action-item
 * services, all in one transaction: all of them or none. A proposal accepted before (by its id,
 * recomputed here from its kind, lines and text) creates nothing again; two acceptances racing
 * for the same proposal collide on the acceptances' primary key and the later one creates nothing.
 */
export async function acceptProposals(ctx: AppContext, actor: Actor, reviewId: number, request: NotesAcceptRequest): Promise<NotesAcceptResult> {
  const review = await getReview(ctx, reviewId);
  const incident = await getIncident(ctx, review.incidentId);
  const seen = new Set<string>();
  const proposals = request.proposals
    .map((p) => ({ ...p, id: proposalId(p.kind, p.sourceLines, p.text) }))
    .filter((p) => !seen.has(p.id) && seen.add(p.id));
  const attempt = () =>
    writeTransaction(ctx.db, async (trx) => {
      const inTransaction: AppContext = { ...ctx, db: trx };
      await reviewForEdit(inTransaction, trx, review.id);
      const before = new Map((await repo.listAcceptances(trx, review.id)).map((row) => [row.proposal_id, row]));
      const fresh = proposals.filter((p) => !before.has(p.id));
      const created = new Map<string, number>();
      const entries = fresh.filter((p) => p.kind === 'timelineEntry');
      if (entries.length > 0) {
        // Ids are given in insertion order: sorted by id they are the proposals' order.
        const made = (await createEntries(inTransaction, actor, incident.id, entries.map((p) => entryOf(p, incident)))).sort((a, b) => a.id - b.id);
        entries.forEach((p, i) => created.set(p.id, made[i]!.id));
      }
      for (const p of fresh) {
        if (p.kind === 'contributor' || p.kind === 'mitigator' || p.kind === 'risk') {
          const factor = await createFactor(inTransaction, review.id, { kind: p.kind, ...titled(p.text), category: null, tags: [], acceptedRisk: false, timelineEntryIds: [] });
          created.set(p.id, factor.id);
        } else if (p.kind === 'actionItem') {
          const { title, description } = titled(p.text);
          const item = await createActionItem(inTransaction, review.id, {
            title,
            description,
            owner: p.owner ? { name: p.owner } : null,
            dueDate: null,
            priority: null,
            class: null,
            kind: 'corrective-action',
            factorIds: [],
            secondOrderEffects: null,
            status: p.done ? 'done' : 'proposed',
            declineReason: null,
            externalUrl: null,
          });
          created.set(p.id, item.id);
        }
      }
      const nowIso = ctx.now().toISOString();
      await repo.insertAcceptances(trx, fresh.map((p) => ({ review_id: review.id, proposal_id: p.id, kind: p.kind, entity_id: created.get(p.id) ?? null, accepted_at: nowIso, accepted_by_user_id: actor.userId })));
      const accepted: Accepted[] = proposals.map((p) => ({ id: p.id, kind: p.kind, created: created.has(p.id), entityId: created.get(p.id) ?? before.get(p.id)?.entity_id ?? null }));
      if (fresh.length > 0) {
        const notes = await repo.findNotes(trx, review.id);
        await recordChange(inTransaction, trx, { type: 'notes.changed', incidentId: incident.id, reviewId: review.id, revision: notes?.revision ?? 0, change: 'accepted' }, {
          action: 'review.notes.accept',
          entityType: 'review_notes',
          entityId: review.id,
          before: null,
          after: accepted.filter((a) => a.created),
        }, actor);
      }
      return { accepted };
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Some were accepted by someone else meanwhile: theirs stand, and this time they are skipped.
    return attempt();
  }
}
