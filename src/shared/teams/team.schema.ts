import { z } from 'zod';
import { storedInt, versionField } from '../common.schema.js';
import { personSchema } from '../accounts/person.schema.js';

/**
 * Teams (issue 19): who owns which services. A team's services are service tags as incidents carry
 * them (lower-cased), its members are accounts; trends and the weekly digest filter by a team (the
 * incidents tagged with any of its services), and each team gets its digest every week, by e-mail
 * to its members and in its Slack channel.
 */

export const teamSlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, e.g. payments-platform');

const service = z.string().trim().min(1).max(100).transform((value) => value.toLowerCase());
const services = z.array(service).max(100).transform((values) => [...new Set(values)]).describe('Service tags the team owns, as on incidents (compared lower-cased)');
const memberIds = z.array(storedInt).max(500).transform((values) => [...new Set(values)]).describe('Accounts in the team: they get its weekly digest by e-mail');
const slackChannel = z
  .string()
  .trim()
  .regex(/^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{2,20})$/, 'must be a channel ID such as C024BE91L or a name such as #payments')
  .nullable()
  .describe("Where the team's weekly digest is posted (no restricted incident is ever in it); null: no Slack digest");

export const teamSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    services: z.array(z.string()),
    members: z.array(personSchema.extend({ userId: z.number().int() })),
    slackChannel: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;

export const teamListSchema = z.object({ items: z.array(teamSchema) }).meta({ id: 'TeamList' });

export const teamCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    slug: teamSlugSchema.describe('Unique; names the team in filters (?team=payments)'),
    services: services.default([]),
    memberIds: memberIds.default([]),
    slackChannel: slackChannel.default(null),
  })
  .strict()
  .meta({ id: 'TeamCreate' });
export type TeamCreate = z.output<typeof teamCreateSchema>;

export const teamUpdateSchema = z
  .object({
    version: versionField,
    name: z.string().trim().min(1).max(100).optional(),
    slug: teamSlugSchema.optional(),
    services: services.optional(),
    memberIds: memberIds.optional(),
    slackChannel: slackChannel.optional(),
  })
  .strict()
  .meta({ id: 'TeamUpdate' });
export type TeamUpdate = z.output<typeof teamUpdateSchema>;

/** The `team` filter of trends and the digest: a team's slug. */
export const teamFilter = teamSlugSchema.optional().describe("A team's slug: incidents tagged with any of the team's services");
