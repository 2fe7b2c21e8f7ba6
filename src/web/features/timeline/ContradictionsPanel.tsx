import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Contradiction } from '../../../shared/timeline/contradictions.js';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { entryTime } from './evidence.js';

interface Props {
  contradictions: Contradiction[];
  entries: TimelineEntry[];
  onOpen: (entry: TimelineEntry) => void;
}

/** What the evidence contradicts, for a person to settle (correct a time, a source's clock, or a key timestamp); nothing is resolved silently. */
export function ContradictionsPanel({ contradictions, entries, onOpen }: Props) {
  if (contradictions.length === 0) return null;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={contradictions.length === 1 ? 'The evidence contradicts itself once' : `The evidence contradicts itself ${contradictions.length} times`}
      data-testid="timeline-contradictions"
    >
      <List spacing={6} size="sm">
        {contradictions.map((contradiction) => (
          <List.Item key={contradiction.id} data-testid="timeline-contradiction">
            <Text fz="sm">{contradiction.reason}</Text>
            <Group gap="sm">
              {contradiction.entryIds.map((id) => {
                const entry = byId.get(id);
                return (
                  entry && (
                    <Anchor key={id} component="button" type="button" fz="xs" onClick={() => onOpen(entry)}>
                      Open the entry at {entryTime(entry, 'timeSeconds')}
                    </Anchor>
                  )
                );
              })}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
