import { Badge, Button, CloseButton, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCloudOff, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ActionItem } from '../../../shared/actions/action-item.schema.js';
import type { MeetingMode } from '../../../shared/meetings/meeting-mode.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import type { OutboxItem, Refused } from './meeting-outbox.js';
import type { Queue } from './MeetingStageView.js';

type Kind = 'contributor' | 'mitigator' | 'risk' | 'action';
const kindLabels: Record<Kind, string> = { contributor: 'Contributor', mitigator: 'Mitigator', risk: 'Risk', action: 'Action item' };
const kindColors: Record<Kind, string> = { contributor: 'orange', mitigator: 'teal', risk: 'red', action: 'hindsight' };

/** Anyone who may edit adds a contributor, mitigator, risk or action item while walking: through the review's own APIs, via the outbox. */
export function MeetingInlineAdd({ reviewId, mode, queue }: { reviewId: number; mode: MeetingMode; queue: Queue }) {
  const [kind, setKind] = useState<Kind>('contributor');
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = title.trim();
    if (!text) return;
    // A factor added while on an entry is linked to it.
    const linked = mode.stage === 'timeline' && mode.entryId !== null ? [mode.entryId] : [];
    queue(
      kind === 'action'
        ? { label: `Action item: ${text}`, method: 'POST', path: `/api/reviews/${reviewId}/action-items`, body: { title: text } }
        : { label: `${kindLabels[kind]}: ${text}`, method: 'POST', path: `/api/reviews/${reviewId}/factors`, body: { kind, title: text, timelineEntryIds: linked } },
    );
    setTitle('');
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="meeting-inline-add">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>Add while we talk</Text>
          <SegmentedControl size="xs" fullWidth value={kind} onChange={(v) => setKind(v as Kind)} data={(Object.keys(kindLabels) as Kind[]).map((k) => ({ value: k, label: kindLabels[k] }))} data-testid="meeting-add-kind" />
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              placeholder={kind === 'action' ? 'What should we change…' : 'What made a difference…'}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              aria-label={`New ${kindLabels[kind].toLowerCase()}`}
              data-testid="meeting-add-title"
              maxLength={200}
            />
            <Button type="submit" leftSection={<IconPlus size={14} />} data-testid="meeting-add-submit">Add</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** What this browser typed that the server does not have yet, and what it refused. */
export function MeetingOutboxList({ pending, refused, onDismiss }: { pending: OutboxItem[]; refused: Refused[]; onDismiss: (key: string) => void }) {
  if (pending.length === 0 && refused.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-yellow-0)" data-testid="meeting-outbox">
      <Stack gap={6}>
        {pending.length > 0 && (
          <Group gap={6}>
            <IconCloudOff size={15} />
            <Text fz="sm" fw={600}>{pending.length === 1 ? '1 edit waiting to be sent' : `${pending.length} edits waiting to be sent`}</Text>
          </Group>
        )}
        {pending.map((item) => (
          <Text key={item.key} fz="xs" c="dimmed" data-testid="meeting-outbox-item">{item.label}</Text>
        ))}
        {refused.map(({ item, message }) => (
          <Group key={item.key} gap={6} wrap="nowrap" align="flex-start" data-testid="meeting-outbox-refused">
            <Text fz="xs" c="red.8" style={{ flex: 1 }}><b>Not saved:</b> {item.label}. {message}</Text>
            <CloseButton size="xs" aria-label="Dismiss" onClick={() => onDismiss(item.key)} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** The factors and action items added since meeting mode started, newest first: everyone sees them arrive. */
export function AddedInMeeting({ mode, factors, items }: { mode: MeetingMode; factors: Factor[]; items: ActionItem[] }) {
  const since = mode.startedAt ? Date.parse(mode.startedAt) : Infinity;
  const added = [
    ...factors.map((f) => ({ key: `f${f.id}`, kind: f.kind as Kind, title: f.title, at: f.createdAt })),
    ...items.map((a) => ({ key: `a${a.id}`, kind: 'action' as Kind, title: a.title, at: a.createdAt })),
  ]
    .filter((r) => Date.parse(r.at) >= since && r.kind in kindLabels)
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder radius="md" p="md" data-testid="meeting-added">
      <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: 0.6 }}>Added in this meeting</Text>
      {added.length === 0 ? (
        <Text fz="sm" c="dimmed">Nothing yet. What anyone adds shows here for everyone.</Text>
      ) : (
        <Stack gap={6}>
          {added.map((r) => (
            <Group key={r.key} gap={8} wrap="nowrap" data-testid="meeting-added-item">
              <Badge size="xs" variant="light" color={kindColors[r.kind]} w={84} style={{ flexShrink: 0 }}>{kindLabels[r.kind]}</Badge>
              <Text fz="sm" lineClamp={2}>{r.title}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
