import { Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClockEdit, IconFilter, IconMessages } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { findContradictions } from '../../../shared/timeline/contradictions.js';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { localDayKey } from '../../ui/format.js';
import { QueryError } from '../../ui/QueryError.js';
import { ChatImportDrawer } from './ChatImportDrawer.js';
import { ClockOffsetDialog } from './ClockOffsetDialog.js';
import { ContradictionsPanel } from './ContradictionsPanel.js';
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
  const [dialog, setDialog] = useState<'chat' | 'clock' | null>(null);
  const [debounced] = useDebouncedValue(filter.trim().toLowerCase(), 150);
  const entries = useMemo(() => timeline.data ?? [], [timeline.data]);
  const shown = useMemo(() => (debounced ? entries.filter((e) => e.text.toLowerCase().includes(debounced) || e.kind.includes(debounced)) : entries), [entries, debounced]);
  const opened = entries.find((e) => e.id === openId) ?? null;
  const onOpen = useCallback((entry: TimelineEntry) => setOpenId(entry.id), []);
  // The same rule as GET .../timeline/contradictions, run on what this page shows so it follows every edit at once.
  const contradictions = useMemo(() => findContradictions(entries, incident), [entries, incident]);
  const defaultDay = localDayKey(incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt);

  return (
    <Stack gap="md">
      {!readOnly && (
        // Focus inside the fast entry tells the others someone is adding to the timeline.
        <div onFocus={presence.onFocus} onBlur={presence.onBlur}>
          <QuickEntry incidentId={incident.id} defaultDay={defaultDay} onAdded={setHighlightId} />
        </div>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconMessages size={14} />} onClick={() => setDialog('chat')}>
            Import from chat
          </Button>
          <Button size="xs" variant="default" leftSection={<IconClockEdit size={14} />} onClick={() => setDialog('clock')} disabled={entries.length === 0}>
            Correct clock offset
          </Button>
        </Group>
      )}
      <ContradictionsPanel contradictions={contradictions} entries={entries} onOpen={onOpen} />
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
      {!readOnly && (
        <>
          <ChatImportDrawer incident={incident} opened={dialog === 'chat'} onClose={() => setDialog(null)} />
          <ClockOffsetDialog incidentId={incident.id} entries={entries} opened={dialog === 'clock'} onClose={() => setDialog(null)} />
        </>
      )}
    </Stack>
  );
}
