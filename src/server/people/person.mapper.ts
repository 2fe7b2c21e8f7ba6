import type { PersonRef } from '../../shared/accounts/person.schema.js';

/** A stored person: a name, and the user it names, if any. */
export const personOf = (userId: number | null, name: string | null): PersonRef | null => (name === null ? null : { userId, name });

/** Records owned by a user, or by someone named without an account. */
export type OwnerFilter = { userId: number } | { name: string };

/** "me", a user id, or a plain name, as lists of reviews and action items take it. */
export function ownerFilter(actor: { userId: number | null } | null, owner: string): OwnerFilter {
  if (owner === 'me') return { userId: actor?.userId ?? -1 };
  if (/^\d+$/.test(owner)) return { userId: Number(owner) };
  return { name: owner };
}
