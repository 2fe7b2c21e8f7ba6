import { Badge, Drawer, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconHistory, IconMessageCircle, IconPencil } from '@tabler/icons-react';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { EntryComments } from './EntryComments.js';
import { EntryEditForm } from './EntryEditForm.js';
import { EntryHistory } from './EntryHistory.js';
import { EntryProvenance } from './EntryProvenance.js';
import { entryTime, precisionLabels } from './evidence.js';
import { kindMeta } from './kinds.js';

interface Props {
  entry: TimelineEntry | null;
  onClose: () => void;
  /** Its review is published: the entry can be read, not corrected or commented on. */
  readOnly?: boolean;
}

/** One entry up close: correct it, discuss it, and see every earlier version. */
export function EntryDrawer({ entry, onClose, readOnly = false }: Props) {
  return (
    <Drawer opened={entry !== null} onClose={onClose} position="right" size={560} title={<Text fw={650}>Timeline entry</Text>}>
      {entry && (
        <Stack gap="md">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={kindMeta[entry.kind].color}>{kindMeta[entry.kind].label}</Badge>
              {entry.precision === 'minute' ? (
                <Timestamp value={entry.occurredAt} format="datetimeSeconds" fz="sm" fw={600} />
              ) : (
                <Text fz="sm" fw={600} title={precisionLabels[entry.precision]}>
                  {entryTime(entry, 'datetimeSeconds')}
                </Text>
              )}
            </Group>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
            <Text fz="xs" c="dimmed">
              Added by {entry.author.name} · version {entry.version}
            </Text>
          </Stack>
          {entry.provenance && <EntryProvenance provenance={entry.provenance} />}
          <Tabs defaultValue={readOnly ? 'comments' : 'correct'} keepMounted={false}>
            <Tabs.List>
              {!readOnly && (
                <Tabs.Tab value="correct" leftSection={<IconPencil size={14} />}>
                  Correct
                </Tabs.Tab>
              )}
              <Tabs.Tab value="comments" leftSection={<IconMessageCircle size={14} />}>
                Comments {entry.commentCount > 0 ? `(${entry.commentCount})` : ''}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={14} />}>
                History {entry.version > 1 ? `(${entry.version - 1})` : ''}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="correct" pt="md">
              <EntryEditForm key={entry.id} entry={entry} onSaved={() => undefined} onDeleted={onClose} />
            </Tabs.Panel>
            <Tabs.Panel value="comments" pt="md">
              <EntryComments entry={entry} readOnly={readOnly} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <EntryHistory entry={entry} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}
