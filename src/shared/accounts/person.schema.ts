import { z } from 'zod';
import { storedInt } from '../common.schema.js';

/**
 * Someone named on an incident or a review (commander, responders, owner, facilitator, scribe,
 * action-item owners, authors): a user of Hindsight, or just a name for someone without an account
 * (people in imported documents, other companies' staff). A user's name is kept current when they
 * rename themselves.
 */
export const personSchema = z
  .object({
    userId: z.number().int().nullable().describe('The account, or null for a name without one'),
    name: z.string(),
  })
  .describe('A person: a user (userId) or a plain name');
export type PersonRef = z.infer<typeof personSchema>;

const name = z.string().trim().min(1).max(200);

/**
 * How a person is given: `{"userId": 7}` for a user; `{"name": "..."}` for a plain name, kept as
 * written; or a string, which names a user when it is exactly an active user's e-mail address or
 * name (case-insensitive), and is kept as a plain name otherwise.
 */
export const personInputSchema = z.union([
  name,
  z.object({ userId: storedInt }).strict(),
  z.object({ name }).strict(),
]);
export type PersonInput = z.input<typeof personInputSchema>;

/** The same person? Users by account, plain names by name (case-insensitive). */
export const samePerson = (a: PersonRef | null, b: PersonRef | null): boolean =>
  a === null || b === null ? a === b : a.userId !== null || b.userId !== null ? a.userId === b.userId : a.name.toLowerCase() === b.name.toLowerCase();

/** A person's name for display, or a fallback. */
export const personName = (person: PersonRef | null | undefined, fallback = ''): string => person?.name ?? fallback;
