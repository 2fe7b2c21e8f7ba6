/**
 * What a person picker offers for what was typed: the signed-in user first ("Me"), then the
 * matching accounts, then, when no account has exactly that name, the text itself as a plain name
 * for someone without an account.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { PersonInput, PersonRef } from '../../../shared/accounts/person.schema.js';
import { peopleApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';

export interface PersonOption {
  /** `user:7` or `name:Alex (vendor)`. */
  value: string;
  person: PersonRef;
  label: string;
  kind: 'me' | 'user' | 'name';
}

export const optionValue = (person: PersonRef) => (person.userId !== null ? `user:${person.userId}` : `name:${person.name}`);

/** How a picked person is sent to the API: an account by id, anyone else by name exactly as written. */
export const toPersonInput = (person: PersonRef): PersonInput => (person.userId !== null ? { userId: person.userId } : { name: person.name });
export const toPersonInputOrNull = (person: PersonRef | null): PersonInput | null => (person ? toPersonInput(person) : null);

const matches = (name: string, search: string) => {
  const s = search.trim().toLowerCase();
  return s === '' || name.toLowerCase().split(/\s+/).some((word) => word.startsWith(s)) || name.toLowerCase().startsWith(s);
};

export function personOptions(options: {
  search: string;
  me: { id: number; name: string; email?: string } | null;
  found: Array<{ id: number; name: string }>;
  allowNames: boolean;
  exclude?: PersonRef[];
}): PersonOption[] {
  const { search, me, found, allowNames, exclude = [] } = options;
  const text = search.trim();
  const taken = new Set(exclude.map(optionValue));
  const result: PersonOption[] = [];
  const meMatches = me && (matches(me.name, text) || 'me'.startsWith(text.toLowerCase()) || (me.email ?? '').toLowerCase().startsWith(text.toLowerCase()));
  if (me && meMatches) result.push({ value: `user:${me.id}`, person: { userId: me.id, name: me.name }, label: `Me (${me.name})`, kind: 'me' });
  for (const user of found) {
    if (me && user.id === me.id) continue;
    result.push({ value: `user:${user.id}`, person: { userId: user.id, name: user.name }, label: user.name, kind: 'user' });
  }
  const exact = result.some((o) => o.person.name.toLowerCase() === text.toLowerCase());
  if (allowNames && text !== '' && !exact) result.push({ value: `name:${text}`, person: { userId: null, name: text }, label: `Use “${text}” as a name`, kind: 'name' });
  return result.filter((o) => !taken.has(o.value));
}

/**
 * What Enter takes when no option is highlighted: the account (or you) whose name is exactly what
 * was typed, else the typed text as a plain name. Without this, Enter would submit the form around.
 */
export function enterChoice(options: PersonOption[], search: string): PersonOption | null {
  const text = search.trim().toLowerCase();
  if (text === '') return null;
  return options.find((o) => o.kind !== 'name' && o.person.name.toLowerCase() === text) ?? options.find((o) => o.kind === 'name') ?? null;
}

/** Accounts whose name or e-mail starts with what was typed (GET /api/people), once the dropdown is open. */
export function usePeopleSearch(search: string, enabled: boolean) {
  const [q] = useDebouncedValue(search.trim(), 150);
  const query = useQuery({ queryKey: queryKeys.people(q), queryFn: ({ signal }) => peopleApi.search(q, signal), staleTime: 30_000, enabled });
  return { found: query.data?.items ?? [], searching: query.isFetching };
}
