import { Chip, Group, Paper, SegmentedControl, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The filters the reviews and action-items lists share: whose (everyone's, mine, or a named
 * owner's), a set of states, overdue only. "Mine" lives in the URL (?owner=me), so "My reviews"
 * and "My action items" are links.
 */
export function useOwnerStatusFilters() {
  const [params, setParams] = useSearchParams();
  const mine = params.get('owner') === 'me';
  const [statuses, setStatuses] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [debouncedOwner] = useDebouncedValue(owner.trim(), 300);
  const setMine = (value: boolean) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set('owner', 'me');
        else next.delete('owner');
        return next;
      },
      { replace: true },
    );
  const ownerQuery = mine ? 'me' : debouncedOwner;
  return {
    mine,
    state: { statuses, setStatuses, owner, setOwner, overdue, setOverdue, mine, setMine },
    /** What the API's list endpoints take, with the state list under `statusKey`. */
    query: <K extends string>(statusKey: K) => ({
      ...(statuses.length ? ({ [statusKey]: statuses } as Record<K, string[]>) : {}),
      ...(ownerQuery ? { owner: ownerQuery } : {}),
      ...(overdue ? { overdue: 'true' as const } : {}),
    }),
  };
}

interface Props {
  label: string;
  statusLabel: string;
  options: Array<{ value: string; label: string }>;
  state: ReturnType<typeof useOwnerStatusFilters>['state'];
}

export function OwnerStatusFilters({ label, statusLabel, options, state }: Props) {
  const statusId = useId();
  return (
    <Paper withBorder p="sm" radius="lg" role="search" aria-label={label}>
      <Group gap="md">
        <SegmentedControl
          size="xs"
          aria-label="Whose"
          data={[
            { value: 'all', label: 'Everyone’s' },
            { value: 'mine', label: 'Mine' },
          ]}
          value={state.mine ? 'mine' : 'all'}
          onChange={(v) => state.setMine(v === 'mine')}
        />
        {!state.mine && <TextInput aria-label="Owner" placeholder="Owner" leftSection={<IconUser size={16} />} w={170} value={state.owner} onChange={(e) => state.setOwner(e.currentTarget.value)} />}
        <Group gap={8} role="group" aria-labelledby={statusId}>
          <Text id={statusId} fz="xs" fw={600} c="dimmed" tt="uppercase">{statusLabel}</Text>
          <Chip.Group multiple value={state.statuses} onChange={state.setStatuses}>
            {options.map((o) => (
              <Chip key={o.value} value={o.value} size="xs" variant="outline">{o.label}</Chip>
            ))}
          </Chip.Group>
        </Group>
        <Switch label="Overdue only" checked={state.overdue} onChange={(e) => state.setOverdue(e.currentTarget.checked)} color="red" />
      </Group>
    </Paper>
  );
}
