import { Select } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import { teamsApi } from '../../api/teams.js';

/** Narrows a page to a team's services (trends, the weekly digest); the value is the team's slug. */
export function TeamSelect({ value, onChange, label, w = 190 }: { value: string | null; onChange: (slug: string | null) => void; label?: string; w?: number }) {
  const teams = useQuery({ queryKey: queryKeys.teams, queryFn: ({ signal }) => teamsApi.list(signal), staleTime: 60_000 });
  const data = (teams.data?.items ?? []).map((team) => ({ value: team.slug, label: team.name }));
  // A slug from a shared link that names no team still shows, so the refusal has something to point at.
  if (value && !data.some((option) => option.value === value)) data.push({ value, label: value });
  return (
    <Select
      {...(label ? { label } : { 'aria-label': 'Team' })}
      placeholder="Every team"
      leftSection={<IconUsersGroup size={16} />}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No team of that name"
      w={w}
    />
  );
}
