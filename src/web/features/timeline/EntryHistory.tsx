import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TimelineEntry, TimelineSnapshot } from '../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi } from '../../api/timeline.js';
import { formatDate } from '../../ui/format.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { kindMeta } from './kinds.js';

const fieldLabels: Record<keyof TimelineSnapshot, string> = {
  occurredAt: 'Time',
  kind: 'Kind',
  text: 'Text',
  source: 'Source',
  keyTimestamp: 'Key timestamp',
  deleted: 'Deleted',
  precision: 'Time precision',
  provenance: 'Provenance',
};

function show(field: keyof TimelineSnapshot, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (field === 'occurredAt') return `${formatDate(String(value), 'datetimeSeconds')}`;
  if (field === 'kind') return kindMeta[value as TimelineEntry['kind']]?.label ?? String(value);
  if (field === 'provenance') return (value as NonNullable<TimelineSnapshot['provenance']>).label;
  return String(value);
}

/** Every correction of the entry, oldest first: who, when, why, and what changed from what. */
export function EntryHistory({ entry }: { entry: TimelineEntry }) {
  const history = useQuery({ queryKey: [...queryKeys.entryHistory(entry.id), entry.version], queryFn: ({ signal }) => timelineApi.history(entry.id, signal) });
  const items = history.data?.items ?? [];
  if (history.isSuccess && items.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        Not corrected since {entry.author.name} added it.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="entry-history">
      {items.map((revision) => {
        const fields = (Object.keys(fieldLabels) as Array<keyof TimelineSnapshot>).filter((f) => JSON.stringify(revision.before[f]) !== JSON.stringify(revision.after[f]));
        return (
          <Paper key={revision.id} withBorder p="sm" radius="md">
            <Group justify="space-between" mb={6}>
              <Text fz="xs" fw={650}>
                {revision.author.name}
              </Text>
              <Timestamp value={revision.changedAt} fz="xs" c="dimmed" />
            </Group>
            {revision.reason && (
              <Text fz="xs" c="dimmed" mb={6} fs="italic">
                “{revision.reason}”
              </Text>
            )}
            <Stack gap={4}>
              {fields.map((f) => (
                <Group key={f} gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" variant="outline" color="gray" miw={64}>
                    {fieldLabels[f]}
                  </Badge>
                  <Text fz="xs" td="line-through" c="red.8" style={{ wordBreak: 'break-word' }}>
                    {show(f, revision.before[f])}
                  </Text>
                  <Text fz="xs" c="dimmed">→</Text>
                  <Text fz="xs" c="teal.9" style={{ wordBreak: 'break-word' }}>
                    {show(f, revision.after[f])}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
