import { Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { localDayKey } from '../../ui/format.js';
import { QueryError } from '../../ui/QueryError.js';
import { EntryDrawer } from './EntryDrawer.js';
import { QuickEntry } from './QuickEntry.js';
import { TimelineList } from './TimelineList.js';
import { useTimeline } from './use-timeline.js';
import { useEditingSignal } from '../../app/live/use-live.js';

/** The timeline editor: fast entry on top, the entries in time order below, one entry in a drawer. */
export function TimelineSection({ incident, readOnly = false }: { incident: Incident; readOnly?: boolean }) {
  const timeline = useTimeline(incident.id);
  const presence = useEditingSignal('timeline');
  const [openId, setOpenId] = useState<number | null>(null);
  const [highlightId, setHighlightId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [debounced] = useDebouncedValue(filter.trim().toLowerCase(), 150);
  const entries = useMemo(() => timeline.data ?? [], [timeline.data]);
  const shown = useMemo(() => (debounced ? entries.filter((e) => e.text.toLowerCase().includes(debounced) || e.kind.includes(debounced)) : entries), [entries, debounced]);
  const opened = entries.find((e) => e.id === openId) ?? null;
  const onOpen = useCallback((entry: TimelineEntry) => setOpenId(entry.id), []);
  const defaultDay = localDayKey(incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt);

  return (
    <Stack gap="md">
      {!readOnly && (
        // Focus inside the fast entry tells the others someone is adding to the timeline.
        <div onFocus={presence.onFocus} onBlur={presence.onBlur}>
          <QuickEntry incidentId={incident.id} defaultDay={defaultDay} onAdded={setHighlightId} />
        </div>
      )}
      {timeline.isError && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isPending ? (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      ) : entries.length === 0 ? (
        <Text fz="sm" c="dimmed" ta="center" py="md">
          No entries yet. Start with the first signal, then detection, escalation, mitigation and resolution.
        </Text>
      ) : (
        <Stack gap={8}>
          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              {shown.length === entries.length ? `${entries.length} entries` : `${shown.length} of ${entries.length} entries`} · ↑ ↓ to move, Enter to open
            </Text>
            <TextInput size="xs" w={220} placeholder="Filter entries" aria-label="Filter timeline entries" leftSection={<IconFilter size={14} />} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          </Group>
          <TimelineList entries={shown} onOpen={onOpen} highlightId={highlightId} />
        </Stack>
      )}
      <EntryDrawer entry={opened} onClose={() => setOpenId(null)} readOnly={readOnly} />
    </Stack>
  );
}
