import { z } from 'zod';
import { isoDateTime, page, pageQuery, storedIntParam } from '../common.schema.js';

export const auditQuerySchema = z
  .object({
    entityType: z.string().trim().min(1).max(100).optional().describe('e.g. incident, review, user, api_token'),
    entityId: z.string().trim().min(1).max(100).optional(),
    actor: storedIntParam.optional().describe('User id of who made the change'),
    action: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('An action such as incident.update, or a prefix such as incident.*'),
    from: isoDateTime.optional().describe('Entries at or after this instant'),
    to: isoDateTime.optional().describe('Entries before this instant'),
    ...pageQuery,
  })
  .strict();
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ userId: z.number().int().nullable(), name: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  incidentId: z.number().int().nullable(),
  before: z.unknown().describe('The entity before the change (JSON), null when created'),
  after: z.unknown().describe('The entity after the change (JSON), null when deleted'),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = page(auditEntrySchema);
