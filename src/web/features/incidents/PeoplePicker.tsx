import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person } from '../../../shared/accounts/people.schema.js';
import { peopleApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';

interface Props {
  value: Person[];
  onChange: (people: Person[]) => void;
  label: string;
  description?: string;
}

/** Pick people by name or email from the directory (GET /api/people): the server does the matching. */
export function PeoplePicker({ value, onChange, label, description }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useQuery({ queryKey: queryKeys.people(q), queryFn: ({ signal }) => peopleApi.search(q, signal), staleTime: 30_000 });
  const known = new Map<number, Person>([...value, ...(found.data?.items ?? [])].map((p) => [p.id, p]));
  const data = [...known.values()].map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? 'Add someone…' : 'Type a name or email'}
      data={data}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.map((id) => known.get(Number(id))).filter((p): p is Person => p !== undefined))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched names and email prefixes; do not filter its answer again by label.
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'Nobody found'}
      hidePickedOptions
      clearable
      maxDropdownHeight={260}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
