import { Badge, Box, Button, Chip, CloseButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconTag, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { incidentStatuses, severities } from '../../../shared/incidents/incident.schema.js';
import type { IncidentFilters } from '../../api/incidents.js';
import { ServiceFilter } from './ServiceFilter.js';

interface Props {
  filters: IncidentFilters;
  setFilter: (key: keyof IncidentFilters, value: string | string[]) => void;
  clear: () => void;
  active: boolean;
}

const day = (instant: string) => new Date(instant).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Filters that arrive with a link (the trends page's points): a period, a contributor category and a team, each removable. */
function LinkedFilters({ filters, setFilter }: Pick<Props, 'filters' | 'setFilter'>) {
  const period = filters.from || filters.to;
  if (!period && !filters.category && !filters.team) return null;
  const periodLabel = `Started ${filters.from ? `from ${day(filters.from)}` : ''}${filters.from && filters.to ? ' ' : ''}${filters.to ? `before ${day(filters.to)}` : ''}`;
  return (
    <Group gap={6}>
      {period && (
        <Badge variant="light" size="lg" tt="none" rightSection={<CloseButton size="xs" aria-label="Remove the period filter" onClick={() => { setFilter('from', ''); setFilter('to', ''); }} />}>
          {periodLabel}
        </Badge>
      )}
      {filters.category && (
        <Badge variant="light" color="grape" size="lg" tt="none" rightSection={<CloseButton size="xs" aria-label="Remove the contributor filter" onClick={() => setFilter('category', '')} />}>
          Contributor: {filters.category}
        </Badge>
      )}
      {filters.team && (
        <Badge variant="light" color="teal" size="lg" tt="none" rightSection={<CloseButton size="xs" aria-label="Remove the team filter" onClick={() => setFilter('team', '')} />}>
          Team: {filters.team}
        </Badge>
      )}
    </Group>
  );
}

/** A text filter that updates the URL a moment after typing stops. */
function DebouncedInput({ value, onChange, ...props }: { value: string; onChange: (v: string) => void; label: string; placeholder: string; icon: React.ReactNode; w?: number; shortcut?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const push = useDebouncedCallback(onChange, 300);
  return (
    <TextInput
      aria-label={props.label}
      placeholder={props.placeholder}
      leftSection={props.icon}
      w={props.w}
      data-shortcut={props.shortcut}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
    />
  );
}

const statusNames: Record<string, string> = { active: 'Active', mitigated: 'Mitigated', resolved: 'Resolved' };

export function IncidentFiltersBar({ filters, setFilter, clear, active }: Props) {
  return (
    <Paper withBorder p="sm" radius="lg" role="search" aria-label="Filter incidents">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Box style={{ flex: 1 }}>
            <DebouncedInput value={filters.q ?? ''} onChange={(v) => setFilter('q', v)} label="Search titles" placeholder="Search titles… (press /)" shortcut="search" icon={<IconSearch size={16} />} />
          </Box>
          <ServiceFilter value={filters.service ?? ''} onChange={(v) => setFilter('service', v)} />
          <DebouncedInput value={filters.label ?? ''} onChange={(v) => setFilter('label', v)} label="Label" placeholder="Label" icon={<IconTag size={16} />} w={170} />
        </Group>
        <Group gap="lg" wrap="wrap">
          <Group gap={8} role="group" aria-labelledby="filter-status">
            <Text id="filter-status" fz="xs" fw={600} c="dimmed" tt="uppercase">
              Status
            </Text>
            <Chip.Group multiple value={filters.status ?? []} onChange={(v) => setFilter('status', v)}>
              {incidentStatuses.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline">
                  {statusNames[s]}
                </Chip>
              ))}
            </Chip.Group>
          </Group>
          <Group gap={8} role="group" aria-labelledby="filter-severity">
            <Text id="filter-severity" fz="xs" fw={600} c="dimmed" tt="uppercase">
              Severity
            </Text>
            <Chip.Group multiple value={filters.severity ?? []} onChange={(v) => setFilter('severity', v)}>
              {severities.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" color={s === 'sev1' ? 'red' : s === 'sev2' ? 'orange' : undefined}>
                  {s.toUpperCase()}
                </Chip>
              ))}
            </Chip.Group>
          </Group>
          <LinkedFilters filters={filters} setFilter={setFilter} />
          {active && (
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconX size={14} />} onClick={clear} ml="auto">
              Clear filters
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
