import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconGavel, IconNotes } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgendaNote } from '../../../shared/global-review/global-review.schema.js';
import { ApiError } from '../../api/errors.js';
import { globalReviewApi } from '../../api/global-review.js';
import { queryKeys } from '../../api/query-keys.js';

interface Props {
  day: string;
  item: string;
  note: AgendaNote | null;
  canWrite: boolean;
  /** What the item is, for the fields' accessible names. */
  about: string;
}

/** The notes and decision on one agenda item: shown when written; edited in place by those who may write. */
export function AgendaNotes({ day, item, note, canWrite, about }: Props) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notes, setNotes] = useState(note?.notes ?? '');
  const [decision, setDecision] = useState(note?.decision ?? '');
  const save = useMutation({
    mutationFn: () => globalReviewApi.saveNote(day, { item, notes, decision, version: note?.version ?? null }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.globalReviews });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.isConflict;

  if (!editing) {
    return (
      <Stack gap={4}>
        {note?.notes && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconNotes size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{note.notes}</Text>
          </Group>
        )}
        {note?.decision && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconGavel size={16} color="var(--mantine-color-hindsight-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <Text fz="sm" fw={600}>Decision: {note.decision}</Text>
          </Group>
        )}
        {note && (
          <Text fz="xs" c="dimmed">
            {note.updatedBy}, {new Date(note.updatedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          </Text>
        )}
        {canWrite && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconNotes size={14} />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setNotes(note?.notes ?? '');
              setDecision(note?.decision ?? '');
              setEditing(true);
            }}
            aria-label={`${note ? 'Edit notes' : 'Add notes'} on ${about}`}
          >
            {note ? 'Edit notes' : 'Add notes and a decision'}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="xs">
      <Textarea label="Notes" aria-label={`Notes on ${about}`} autosize minRows={2} maxRows={10} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autoFocus />
      <Textarea label="Decision" aria-label={`Decision on ${about}`} autosize minRows={1} maxRows={4} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} />
      {save.isError && (
        <Alert color="red" variant="light" p="xs">
          {conflict ? 'Someone else changed these notes meanwhile. Copy what you wrote, then cancel to see theirs.' : save.error.message}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>Save</Button>
        <Button size="xs" variant="default" onClick={() => {
          setEditing(false);
          save.reset();
          if (conflict) void queryClient.invalidateQueries({ queryKey: queryKeys.globalReviews });
        }}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
