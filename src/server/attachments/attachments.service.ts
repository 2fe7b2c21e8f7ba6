import type { Attachment } from '../../shared/attachments/attachment.schema.js';
import { notFound } from '../../shared/errors.js';
import type { AppContext } from '../context.js';
import { editReview } from '../reviews/review-edits.js';
import { getReview } from '../reviews/reviews.service.js';
import * as repo from './attachments.repo.js';

export interface AttachmentInput {
  name: string;
  mediaType: string;
  content: string;
}

const toAttachment = (row: repo.AttachmentRow): Attachment => ({
  id: row.id,
  reviewId: row.review_id,
  name: row.name,
  mediaType: row.media_type,
  size: row.size,
  createdAt: row.created_at,
});

/** Keeps a file with a review (as an edit of the review: refused while it is published). */
export async function addAttachment(ctx: AppContext, reviewId: number, input: AttachmentInput): Promise<Attachment> {
  return editReview(ctx, reviewId, async (trx, review) => {
    const row = await repo.insertAttachment(trx, {
      review_id: review.id,
      name: input.name,
      media_type: input.mediaType,
      content: input.content,
      size: Buffer.byteLength(input.content, 'utf8'),
      created_by_user_id: ctx.actor?.userId ?? null,
      created_at: ctx.now().toISOString(),
    });
    const attachment = toAttachment(row);
    const event = { type: 'review.changed' as const, incidentId: review.incidentId, reviewId: review.id, fields: ['attachments'] };
    return { result: attachment, change: { event, audit: { action: 'review_attachment.create', entityType: 'review_attachment', entityId: attachment.id, before: null, after: attachment } } };
  });
}

export async function listAttachments(ctx: AppContext, reviewId: number): Promise<Attachment[]> {
  const review = await getReview(ctx, reviewId);
  return (await repo.listAttachments(ctx.db, review.id)).map(toAttachment);
}

/** The file itself, for a caller who may see the review. */
export async function readAttachmentContent(ctx: AppContext, reviewId: number, id: number) {
  const review = await getReview(ctx, reviewId);
  const found = await repo.findAttachmentContent(ctx.db, review.id, id);
  if (!found) throw notFound('Attachment', id);
  return { name: found.name, mediaType: found.media_type, content: found.content };
}
