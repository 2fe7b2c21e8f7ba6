import { z } from 'zod';
import { isoDateTime } from '../common.schema.js';
import { roleSchema } from './account.schema.js';

export const TOKEN_MAX_DAYS = 366;
export const TOKEN_DEFAULT_DAYS = 90;

export const apiTokenCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: roleSchema.describe("The most the token may do; it acts as the lower of this and its user's role"),
    expiresAt: isoDateTime.optional(),
    expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.expiresAt !== undefined && value.expiresInDays !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['expiresInDays'], message: 'give expiresAt or expiresInDays, not both' });
    }
  })
  .describe(`Without expiresAt or expiresInDays a token expires after ${TOKEN_DEFAULT_DAYS} days; at most ${TOKEN_MAX_DAYS}`);
export type ApiTokenCreate = z.output<typeof apiTokenCreateSchema>;

export const apiTokenStatuses = ['active', 'expired', 'revoked'] as const;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(apiTokenStatuses),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreatedSchema = apiTokenSchema.extend({
  token: z.string().describe('The secret, shown this once: send it as "Authorization: Bearer <token>"'),
});
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
