import { z } from 'zod';
import { storedInt } from '../common.schema.js';

export const incidentMemberSchema = z.object({ id: z.number().int(), name: z.string(), email: z.string() });

export const incidentAccessSchema = z.object({
  incidentId: z.number().int(),
  restricted: z.boolean().describe('Visible only to its members and admins'),
  members: z.array(incidentMemberSchema),
});
export type IncidentAccess = z.infer<typeof incidentAccessSchema>;

export const incidentAccessUpdateSchema = z
  .object({
    restricted: z.boolean(),
    memberIds: z.array(storedInt).max(500).describe('User ids of everyone who may see the incident when restricted'),
  })
  .strict();
export type IncidentAccessUpdate = z.output<typeof incidentAccessUpdateSchema>;
