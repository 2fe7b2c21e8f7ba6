import { ActionIcon, Autocomplete, Group, Paper, Select, TextInput, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconCalendar, IconHash, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/accounts/account.schema.js';
import type { AuditPageFilters } from './use-audit-filters.js';

const entityTypes = [
  { value: 'incident', label: 'Incident' },
  { value: 'review', label: 'Review' },
  { value: 'review_answer', label: 'Review answer' },
  { value: 'timeline_entry', label: 'Timeline entry' },
  { value: 'timeline_comment', label: 'Timeline comment' },
  { value: 'factor', label: 'Factor' },
  { value: 'whys', label: 'Five whys' },
  { value: 'action_item', label: 'Action item' },
  { value: 'user', label: 'User' },
  { value: 'api_token', label: 'API token' },
  { value: 'job', label: 'Job' },
];

const actions = [
  'incident.*', 'review.*', 'timeline.*', 'factor.*', 'whys.*', 'action_item.*', 'user.*', 'auth.*', 'api_token.*', 'job.*',
  'incident.create', 'incident.update', 'incident.access_change', 'user.create', 'user.role_change', 'user.disable', 'auth.sign_in', 'api_token.create', 'api_token.revoke', 'job.retry',
];

/** Text that reaches the URL a moment after typing stops. */
function useDebouncedText(value: string, onChange: (value: string) => void) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const push = useDebouncedCallback(onChange, 350);
  return { value: text, onChange: (next: string) => (setText(next), push(next)) };
}

interface Props {
  filters: AuditPageFilters;
  set: (changes: Partial<AuditPageFilters>) => void;
  clear: () => void;
  active: boolean;
  users: User[];
}

export function AuditFiltersBar({ filters, set, clear, active, users }: Props) {
  const entityId = useDebouncedText(filters.entityId, (v) => set({ entityId: v }));
  const action = useDebouncedText(filters.action, (v) => set({ action: v }));
  return (
    <Paper withBorder p="sm" radius="lg" role="search" aria-label="Filter the audit log">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select label="Entity type" placeholder="Any" data={entityTypes} value={filters.entityType || null} onChange={(v) => set({ entityType: v ?? '' })} clearable searchable w={150} />
        <TextInput label="Entity id" placeholder="Any" leftSection={<IconHash size={14} />} value={entityId.value} onChange={(e) => entityId.onChange(e.currentTarget.value)} w={100} />
        <Select
          label="Who"
          placeholder="Anyone"
          data={users.map((u) => ({ value: String(u.id), label: u.name }))}
          value={filters.actor || null}
          onChange={(v) => set({ actor: v ?? '' })}
          clearable
          searchable
          w={170}
        />
        <Autocomplete label="Action" placeholder="e.g. user.*" data={actions} value={action.value} onChange={action.onChange} w={200} />
        <DatePickerInput
          type="range"
          label="When"
          placeholder="Any time"
          leftSection={<IconCalendar size={14} />}
          value={[filters.fromDay || null, filters.toDay || null]}
          onChange={([from, to]) => set({ fromDay: from ?? '', toDay: to ?? '' })}
          valueFormat="D MMM YYYY"
          allowSingleDateInRange
          clearable
          w={230}
        />
        {active && (
          <Tooltip label="Clear filters">
            <ActionIcon size={36} variant="subtle" color="gray" onClick={clear} aria-label="Clear filters" ml="auto">
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
