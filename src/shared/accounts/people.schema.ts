import { z } from 'zod';

/** The people directory: enough to pick incident members, without exposing accounts to non-admins. */
export const PEOPLE_LIMIT = 20;

export const peopleQuerySchema = z
  .object({ q: z.string().trim().max(200).optional().describe('Start of a name (or of a word in it), or for admins of an email address; case-insensitive') })
  .strict();
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

export const personSchema = z.object({ id: z.number().int(), name: z.string() });
export type Person = z.infer<typeof personSchema>;

export const peopleSchema = z.object({ items: z.array(personSchema).describe(`At most ${PEOPLE_LIMIT}, by name`) });
