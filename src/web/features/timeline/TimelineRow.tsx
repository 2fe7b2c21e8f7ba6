import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconMessageCircle, IconPencil } from '@tabler/icons-react';
import { memo } from 'react';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { formatDate } from '../../ui/format.js';
import { keyTimeLabels } from '../incidents/KeyTimesFields.js';
import { entryTime, evidenceSource } from './evidence.js';
import { kindMeta } from './kinds.js';
import classes from './timeline.module.css';
import { warningText } from '../../ui/colors.js';

interface Props {
  entry: TimelineEntry;
  index: number;
  setSize: number;
  top: number;
  height: number;
  showDay: boolean;
  highlighted: boolean;
  onOpen: (entry: TimelineEntry) => void;
}

/** One entry in the windowed list: fixed height, absolutely placed, opened with a click or Enter. */
export const TimelineRow = memo(function TimelineRow({ entry, index, setSize, top, height, showDay, highlighted, onOpen }: Props) {
  const kind = kindMeta[entry.kind];
  return (
    <div role="listitem" aria-setsize={setSize} aria-posinset={index + 1} className={classes.row} style={{ top, height }} data-highlighted={highlighted || undefined} data-testid="timeline-row">
      <UnstyledButton className={classes.rowButton} data-index={index} onClick={() => onOpen(entry)} aria-label={`${entryTime(entry, 'datetimeSeconds')}, ${kind.label}: ${entry.text}`}>
        <div className={classes.time}>
          {entry.precision === 'unknown' ? (
            <Text fz="xs" fs="italic" c="dimmed" title="The time is not known: placed after the entry before it" data-testid="timeline-precision">
              time unknown
            </Text>
          ) : (
            <Text fz="sm" fw={650} className="hs-tabular" title={entry.occurredAt} data-testid={entry.precision === 'approximate' || entry.precision === 'range' ? 'timeline-precision' : undefined}>
              {entryTime(entry, 'timeSeconds')}
            </Text>
          )}
          {showDay && (
            <Text fz={11} c="hindsight.7" fw={600}>
              {formatDate(entry.occurredAt, 'date')}
            </Text>
          )}
        </div>
        <div className={classes.kind}>
          <Badge size="sm" color={kind.color} fullWidth>
            {kind.label}
          </Badge>
        </div>
        <div className={classes.body}>
          <Text fz="sm" lineClamp={1} data-testid="timeline-text">
            {entry.text}
          </Text>
          <Group gap={8} wrap="nowrap">
            <Text fz={11} c="dimmed" lineClamp={1} data-testid="timeline-provenance" title={entry.provenance?.excerpt ?? undefined}>
              {entry.author.name} · {evidenceSource(entry)}
            </Text>
            {entry.keyTimestamp && (
              <Badge size="xs" variant="outline" color="hindsight">
                {keyTimeLabels[entry.keyTimestamp]}
              </Badge>
            )}
            {entry.version > 1 && (
              <Group gap={2} wrap="nowrap">
                <IconPencil size={11} color="var(--mantine-color-orange-7)" />
                <Text fz={11} c={warningText}>
                  corrected
                </Text>
              </Group>
            )}
            {entry.commentCount > 0 && (
              <Group gap={2} wrap="nowrap">
                <IconMessageCircle size={11} color="var(--mantine-color-dimmed)" />
                <Text fz={11} c="dimmed">
                  {entry.commentCount}
                </Text>
              </Group>
            )}
          </Group>
        </div>
      </UnstyledButton>
    </div>
  );
});
