import type { Generated, Insertable, Selectable } from 'kysely';
import type { Executor } from '../context.js';

/** The review_attachments table (migration 2026-12-02-0015): known only to this feature. */
interface ReviewAttachmentsTable {
  id: Generated<number>;
  review_id: number;
  name: string;
  media_type: string;
  content: string;
  size: number;
  created_by_user_id: number | null;
  created_at: string;
}

export type AttachmentRow = Omit<Selectable<ReviewAttachmentsTable>, 'content'>;
const listed = ['id', 'review_id', 'name', 'media_type', 'size', 'created_by_user_id', 'created_at'] as const;

const withAttachments = (db: Executor) => db.withTables<{ review_attachments: ReviewAttachmentsTable }>();

export async function insertAttachment(db: Executor, values: Insertable<ReviewAttachmentsTable>): Promise<AttachmentRow> {
  return withAttachments(db).insertInto('review_attachments').values(values).returning(listed).executeTakeFirstOrThrow();
}

export const listAttachments = (db: Executor, reviewId: number): Promise<AttachmentRow[]> =>
  withAttachments(db).selectFrom('review_attachments').select(listed).where('review_id', '=', reviewId).orderBy('id', 'asc').execute();

export const findAttachmentContent = (db: Executor, reviewId: number, id: number) =>
  withAttachments(db)
    .selectFrom('review_attachments')
    .select(['name', 'media_type', 'content'])
    .where('review_id', '=', reviewId)
    .where('id', '=', id)
    .executeTakeFirst();
