import { z } from 'zod';
import { storedIntParam } from '../common.schema.js';

/** A file kept with a review (the original text of an imported postmortem); its content is downloaded separately. */
export const attachmentSchema = z
  .object({
    id: z.number().int(),
    reviewId: z.number().int(),
    name: z.string(),
    mediaType: z.string(),
    size: z.number().int().describe('Bytes'),
    createdAt: z.string(),
  })
  .meta({ id: 'ReviewAttachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });

export const attachmentParams = z.object({ id: storedIntParam, attachmentId: storedIntParam });
