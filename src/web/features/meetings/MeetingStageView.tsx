import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconMessage, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionItem } from '../../../shared/actions/action-item.schema.js';
import type { MeetingMode } from '../../../shared/meetings/meeting-mode.schema.js';
import type { Factor, FactorKind } from '../../../shared/reviews/factor.schema.js';
import type { Review } from '../../../shared/reviews/review.schema.js';
import type { TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi } from '../../api/timeline.js';
import type { OutboxItem } from './meeting-outbox.js';

export type Queue = (item: Omit<OutboxItem, 'key' | 'createdAt'>) => void;

const time = (entry: TimelineEntry) => (entry.precision === 'unknown' ? 'time unknown' : DateTime.fromISO(entry.occurredAt, { setZone: true }).toFormat('HH:mm'));

function Heading({ children, hint }: { children: string; hint?: string }) {
  return (
    <Stack gap={2} mb="md">
      <Title order={2} fz={26} fw={700}>{children}</Title>
      {hint && <Text c="dimmed" fz="sm">{hint}</Text>}
    </Stack>
  );
}

function SummaryStage({ review }: { review: Review }) {
  return (
    <Box data-testid="meeting-stage-summary">
      <Heading hint="Level-set first: what happened and who was affected, before walking the timeline.">Summary</Heading>
      <Stack gap="lg">
        <Text fz={20} lh={1.55} style={{ whiteSpace: 'pre-wrap' }}>{review.summary ?? 'No summary written yet.'}</Text>
        {review.impact && (
          <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
            <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>Impact</Text>
            <Text fz="md" style={{ whiteSpace: 'pre-wrap' }}>{review.impact}</Text>
          </Paper>
        )}
      </Stack>
    </Box>
  );
}

/** The entry everyone is on: its comments, a comment box, and a correction of its text, all sent through the outbox. */
function CurrentEntry({ entry, queue, canWrite }: { entry: TimelineEntry; queue: Queue; canWrite: boolean }) {
  const comments = useQuery({ queryKey: queryKeys.entryComments(entry.id), queryFn: ({ signal }) => timelineApi.comments(entry.id, signal).then((r) => r.items) });
  const [comment, setComment] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [correction, setCorrection] = useState(entry.text);
  const addComment = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    queue({ label: `Comment: ${comment.trim()}`, method: 'POST', path: `/api/timeline/${entry.id}/comments`, body: { text: comment.trim() } });
    setComment('');
  };
  const correct = (event: FormEvent) => {
    event.preventDefault();
    if (!correction.trim() || correction.trim() === entry.text) return setCorrecting(false);
    queue({ label: `Correction: ${correction.trim()}`, method: 'PATCH', path: `/api/timeline/${entry.id}`, body: { version: entry.version, text: correction.trim(), reason: 'Corrected in the review meeting' } });
    setCorrecting(false);
  };
  return (
    <Stack gap="sm" mt="sm">
      {(comments.data ?? []).map((c) => (
        <Group key={c.id} gap={8} wrap="nowrap" align="flex-start" data-testid="meeting-entry-comment">
          <IconMessage size={15} style={{ marginTop: 3, flexShrink: 0 }} color="var(--mantine-color-dimmed)" />
          <Text fz="sm"><Text span fw={600} inherit>{c.author.name}</Text> {c.text}</Text>
        </Group>
      ))}
      {canWrite && (
        correcting ? (
          <form onSubmit={correct}>
            <Stack gap={6}>
              <Textarea autosize minRows={2} value={correction} onChange={(e) => setCorrection(e.currentTarget.value)} aria-label="Corrected text" data-testid="meeting-correction-input" autoFocus />
              <Group gap="xs">
                <Button type="submit" size="xs">Save correction</Button>
                <Button size="xs" variant="subtle" color="gray" onClick={() => setCorrecting(false)}>Cancel</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form onSubmit={addComment}>
            <Group gap="xs" wrap="nowrap">
              <TextInput style={{ flex: 1 }} size="sm" placeholder="Comment on this moment…" value={comment} onChange={(e) => setComment(e.currentTarget.value)} aria-label="Comment on this entry" data-testid="meeting-comment-input" />
              <Button type="submit" size="sm" variant="light">Comment</Button>
              <Button size="sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => { setCorrection(entry.text); setCorrecting(true); }} data-testid="meeting-correct">
                Correct
              </Button>
            </Group>
          </form>
        )
      )}
    </Stack>
  );
}

function TimelineStage({ entries, currentId, queue, canWrite }: { entries: TimelineEntry[]; currentId: number | null; queue: Queue; canWrite: boolean }) {
  const current = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
    void current.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [currentId]);
  const index = entries.findIndex((e) => e.id === currentId);
  return (
    <Box data-testid="meeting-stage-timeline">
      <Heading hint={index >= 0 ? `Entry ${index + 1} of ${entries.length}. Ask what people knew and expected at this moment.` : 'Walk the timeline entry by entry.'}>Timeline walk</Heading>
      {entries.length === 0 && <Text c="dimmed">The timeline is empty. Add what happened from the incident page.</Text>}
      <Stack gap={6}>
        {entries.map((entry) => {
          const on = entry.id === currentId;
          return (
            <Paper
              key={entry.id}
              ref={on ? current : undefined}
              withBorder
              radius="md"
              p={on ? 'lg' : 'sm'}
              data-testid={`meeting-entry-${entry.id}`}
              data-current={on ? 'true' : 'false'}
              style={{
                borderColor: on ? 'var(--mantine-color-hindsight-6)' : undefined,
                borderWidth: on ? 2 : 1,
                boxShadow: on ? '0 6px 24px rgba(67, 56, 202, 0.12)' : undefined,
                opacity: currentId !== null && !on ? 0.62 : 1,
                transition: 'opacity 150ms, padding 150ms',
              }}
            >
              <Group gap="md" wrap="nowrap" align="flex-start">
                <Text ff="monospace" fz={on ? 'lg' : 'sm'} fw={600} c={on ? 'hindsight.7' : 'dimmed'} w={on ? 64 : 52} style={{ flexShrink: 0 }}>{time(entry)}</Text>
                <Box style={{ flex: 1 }}>
                  <Text fz={on ? 19 : 'sm'} fw={on ? 500 : 400} lh={1.45} data-testid="meeting-entry-text">{entry.text}</Text>
                  <Group gap={6} mt={4}>
                    <Text fz="xs" c="dimmed">{entry.author.name}</Text>
                    {entry.keyTimestamp && <Badge size="xs" variant="light">{entry.keyTimestamp}</Badge>}
                    {!on && entry.commentCount > 0 && <Badge size="xs" variant="outline" color="gray">{entry.commentCount} comments</Badge>}
                  </Group>
                  {on && <CurrentEntry key={`${entry.id}:${entry.version}`} entry={entry} queue={queue} canWrite={canWrite} />}
                </Box>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Box>
  );
}

const factorColumns: Array<{ kind: FactorKind; label: string; color: string }> = [
  { kind: 'contributor', label: 'Contributors', color: 'orange' },
  { kind: 'mitigator', label: 'Mitigators', color: 'teal' },
  { kind: 'risk', label: 'Risks', color: 'red' },
];

function FactorsStage({ factors }: { factors: Factor[] }) {
  return (
    <Box data-testid="meeting-stage-factors">
      <Heading hint="What made this possible, what limited it, what could make it worse next time. No single root cause.">Contributors, mitigators & risks</Heading>
      <SimpleGrid cols={3} spacing="md">
        {factorColumns.map((column) => (
          <Stack key={column.kind} gap={6}>
            <Group gap={6}><Badge color={column.color} variant="light">{column.label}</Badge><Text fz="xs" c="dimmed">{factors.filter((f) => f.kind === column.kind).length}</Text></Group>
            {factors.filter((f) => f.kind === column.kind).map((f) => (
              <Paper key={f.id} withBorder radius="md" p="sm"><Text fz="sm" fw={500}>{f.title}</Text></Paper>
            ))}
          </Stack>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function ActionsStage({ items }: { items: ActionItem[] }) {
  return (
    <Box data-testid="meeting-stage-actions">
      <Heading hint="Agree who owns each action and by when; say which are worth doing now.">Action items</Heading>
      <Stack gap={6}>
        {items.length === 0 && <Text c="dimmed">No action items yet: add them from the panel on the right.</Text>}
        {items.map((item) => (
          <Paper key={item.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fz="sm" fw={500}>{item.title}</Text>
              <Group gap={6} wrap="nowrap">
                <Text fz="xs" c="dimmed">{item.owner?.name ?? 'No owner yet'}</Text>
                <Badge size="sm" variant="light" color="gray">{item.status}</Badge>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}

function WrapUpStage({ mode, factors, items }: { mode: MeetingMode; factors: Factor[]; items: ActionItem[] }) {
  const since = mode.startedAt ? Date.parse(mode.startedAt) : Infinity;
  const added = [...factors, ...items].filter((r) => Date.parse(r.createdAt) >= since).length;
  return (
    <Box data-testid="meeting-stage-wrap_up">
      <Heading hint="Thank people for their candour. Everything added here is already in the review.">Wrap-up</Heading>
      <SimpleGrid cols={3}>
        {[
          ['Added in this meeting', added],
          ['Contributors & risks', factors.length],
          ['Action items', items.length],
        ].map(([label, n]) => (
          <Paper key={label} withBorder radius="md" p="md">
            <Text fz={32} fw={700} c="hindsight.7">{n}</Text>
            <Text fz="sm" c="dimmed">{label}</Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}

export function MeetingStageView(props: { mode: MeetingMode; review: Review; entries: TimelineEntry[]; factors: Factor[]; items: ActionItem[]; queue: Queue; canWrite: boolean }) {
  const { mode } = props;
  switch (mode.stage) {
    case 'summary':
      return <SummaryStage review={props.review} />;
    case 'timeline':
      return <TimelineStage entries={props.entries} currentId={mode.entryId} queue={props.queue} canWrite={props.canWrite} />;
    case 'factors':
      return <FactorsStage factors={props.factors} />;
    case 'actions':
      return <ActionsStage items={props.items} />;
    case 'wrap_up':
      return <WrapUpStage mode={mode} factors={props.factors} items={props.items} />;
  }
}
