import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconGitCommit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SuspectChange } from '../../../shared/changes/change.schema.js';
import { changeTimelineText, durationInWords } from '../../../shared/changes/suspects.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { useAddEntry } from '../timeline/use-timeline.js';
import { changesApi } from './changes-api.js';

const whenInWords = (offsetMinutes: number) =>
  offsetMinutes === 0 ? 'at the start' : `${durationInWords(offsetMinutes * 60_000)} ${offsetMinutes < 0 ? 'before' : 'after'}`;

function SuspectRow({ suspect, incidentId, readOnly }: { suspect: SuspectChange; incidentId: number; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const add = useAddEntry(incidentId);
  const { change } = suspect;
  const added = suspect.timelineEntryId !== null;
  const addToTimeline = () =>
    add.mutate(
      { occurredAt: change.occurredAt, kind: 'action', source: 'deploy', text: changeTimelineText(change) },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.suspectChanges(incidentId) }) },
    );
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="suspect-change" aria-label={`${change.kind} ${change.service}: ${change.title}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge size="sm" variant="light" color={suspect.sameService ? 'orange' : 'gray'}>
              {change.kind}
            </Badge>
            <Text fw={600} fz="sm">
              {change.service}
            </Text>
            {change.environment && (
              <Text fz="xs" c="dimmed">
                {change.environment}
              </Text>
            )}
            <Text fz="sm">{change.title}</Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {whenInWords(suspect.offsetMinutes)} · <Timestamp value={change.occurredAt} fz="xs" />
            {change.author ? ` · by ${change.author}` : ''}
            {change.link && (
              <>
                {' · '}
                <Anchor href={change.link} target="_blank" rel="noopener noreferrer" fz="xs" underline="always">
                  link
                </Anchor>
              </>
            )}
          </Text>
          <Text fz="xs">{suspect.reason}</Text>
          {add.isError && (
            <Text fz="xs" c="red" role="alert">
              {add.error.message}
            </Text>
          )}
        </Stack>
        {added ? (
          <Badge variant="light" color="teal" leftSection={<IconCheck size={12} />} style={{ flexShrink: 0 }}>
            On the timeline
          </Badge>
        ) : (
          !readOnly && (
            <Button size="xs" variant="light" onClick={addToTimeline} loading={add.isPending} disabled={add.isSuccess} style={{ flexShrink: 0 }}>
              Add to timeline
            </Button>
          )
        )}
      </Group>
    </Paper>
  );
}

/** Deploys and other changes near the impact start, most likely cause first, each one click from the timeline. */
export function SuspectChangesCard({ incident, readOnly }: { incident: Incident; readOnly: boolean }) {
  const suspects = useQuery({ queryKey: queryKeys.suspectChanges(incident.id), queryFn: ({ signal }) => changesApi.suspects(incident.id, signal) });
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Suspect changes">
      <Stack gap="sm">
        <Group gap="xs">
          <IconGitCommit size={18} aria-hidden />
          <Text fw={600}>Suspect changes</Text>
          <Text fz="xs" c="dimmed">
            Deploys and changes from 24 h before to 1 h after the impact started; this incident&apos;s services first
          </Text>
        </Group>
        {suspects.isPending && <Loader size="sm" />}
        {suspects.isError && <QueryError error={suspects.error} onRetry={() => void suspects.refetch()} />}
        {suspects.data?.items.length === 0 && (
          <Text fz="sm" c="dimmed">
            No changes recorded near the impact start.{' '}
            {!readOnly && (
              <Anchor component={Link} to="/imports/changes" fz="sm" underline="always">
                Import deploys and changes
              </Anchor>
            )}
          </Text>
        )}
        {suspects.data?.items.map((suspect) => (
          <SuspectRow key={suspect.change.id} suspect={suspect} incidentId={incident.id} readOnly={readOnly} />
        ))}
      </Stack>
    </Paper>
  );
}
