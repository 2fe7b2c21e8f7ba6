import { Chip, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useId, useState } from 'react';

/** The filters the reviews and action-items lists share: owner, a set of states, overdue only. */
export function useOwnerStatusFilters() {
  const [statuses, setStatuses] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [debouncedOwner] = useDebouncedValue(owner.trim(), 300);
  return {
    state: { statuses, setStatuses, owner, setOwner, overdue, setOverdue },
    /** What the API's list endpoints take, with the state list under `statusKey`. */
    query: <K extends string>(statusKey: K) => ({
      ...(statuses.length ? ({ [statusKey]: statuses } as Record<K, string[]>) : {}),
      ...(debouncedOwner ? { owner: debouncedOwner } : {}),
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
        <TextInput aria-label="Owner" placeholder="Owner" leftSection={<IconUser size={16} />} w={170} value={state.owner} onChange={(e) => state.setOwner(e.currentTarget.value)} />
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
