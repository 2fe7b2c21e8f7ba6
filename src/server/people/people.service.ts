import { findMentions } from '../../shared/accounts/mentions.js';
import type { PersonInput, PersonRef } from '../../shared/accounts/person.schema.js';
import type { Executor } from '../context.js';
import { invalidField } from '../http/version-conflict.js';
import * as repo from './people.repo.js';

/** A person given in a request, with the field it came in, for errors that name it. */
export interface NamedInput {
  field: string;
  input: PersonInput;
}

/**
 * Turns people as given (a user id, a plain name, or a string that may name a user) into people
 * as stored, in one or two queries whatever their number. An unknown user id is a 400 naming its
 * field; a string is a user only when it is exactly one active user's e-mail or name.
 */
export async function resolvePeople(db: Executor, inputs: NamedInput[]): Promise<PersonRef[]> {
  const ids = inputs.flatMap(({ input }) => (typeof input === 'object' && 'userId' in input ? [input.userId] : []));
  const texts = inputs.flatMap(({ input }) => (typeof input === 'string' ? [input.trim().toLowerCase()] : []));
  const [byId, named] = await Promise.all([repo.findAccountsByIds(db, ids), repo.findAccountsNamed(db, [...new Set(texts)])]);
  const accounts = new Map(byId.map((account) => [account.id, account]));
  return inputs.map(({ field, input }) => {
    if (typeof input === 'object' && 'userId' in input) {
      const account = accounts.get(input.userId);
      if (!account) throw invalidField(field, `no user with id ${input.userId}`);
      return { userId: account.id, name: account.name };
    }
    if (typeof input === 'object') return { userId: null, name: input.name.trim() };
    const text = input.trim();
    const lower = text.toLowerCase();
    const matches = named.filter((account) => account.email === lower || account.name.toLowerCase() === lower);
    const [only] = matches;
    return only && matches.length === 1 ? { userId: only.id, name: only.name } : { userId: null, name: text };
  });
}

/** One optional person: undefined stays undefined (not given), null stays null (cleared). */
export async function resolvePerson(db: Executor, field: string, input: PersonInput | null | undefined): Promise<PersonRef | null | undefined> {
  if (input === undefined || input === null) return input;
  const [person] = await resolvePeople(db, [{ field, input }]);
  return person!;
}

/** The users `text` @mentions (shared/accounts/mentions.ts), as people. */
export async function resolveMentions(db: Executor, text: string): Promise<PersonRef[]> {
  if (!text.includes('@')) return [];
  const accounts = await repo.listActiveAccounts(db);
  const byId = new Map(accounts.map((account) => [account.id, account]));
  return findMentions(text, accounts).map((id) => ({ userId: id, name: byId.get(id)!.name }));
}

/** Accounts by id with their e-mail addresses (for invitations), in no particular order. */
export const findAccounts = (db: Executor, ids: number[]): Promise<repo.Account[]> => repo.findAccountsByIds(db, [...new Set(ids)]);

/** Active accounts by e-mail address (lower-cased). */
export const findAccountsByEmail = async (db: Executor, emails: string[]): Promise<repo.Account[]> =>
  (await repo.findAccountsNamed(db, emails)).filter((account) => emails.includes(account.email));

export const renamePerson = repo.renamePerson;
