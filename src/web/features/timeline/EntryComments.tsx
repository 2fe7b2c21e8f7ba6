import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { timelineCommentCreateSchema, type TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { timelineApi } from '../../api/timeline.js';
import { serverFieldErrors, zodFieldErrors } from '../../ui/field-errors.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { useTimelineCache } from './use-timeline.js';

export function EntryComments({ entry }: { entry: TimelineEntry }) {
  const queryClient = useQueryClient();
  const cache = useTimelineCache(entry.incidentId);
  const key = ['timeline', 'entry', entry.id, 'comments'];
  const comments = useQuery({ queryKey: key, queryFn: ({ signal }) => timelineApi.comments(entry.id, signal) });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (value: string) => timelineApi.comment(entry.id, value),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: key });
      cache.upsert({ ...entry, commentCount: entry.commentCount + 1 });
    },
    onError: (e) => setError(serverFieldErrors(e).text ?? e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = timelineCommentCreateSchema.safeParse({ text });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).text);
    setError(undefined);
    add.mutate(parsed.data.text);
  };

  return (
    <Stack gap="sm">
      {comments.data?.items.length === 0 && (
        <Text fz="sm" c="dimmed">
          No comments yet. Add context, a question, or what someone remembers differently.
        </Text>
      )}
      {comments.data?.items.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" bg="gray.0">
          <Group justify="space-between" mb={4}>
            <Text fz="xs" fw={650}>
              {c.author.name}
            </Text>
            <Timestamp value={c.createdAt} format="relative" fz="xs" c="dimmed" />
          </Group>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.text}
          </Text>
        </Paper>
      ))}
      <form onSubmit={submit}>
        <Stack gap={6}>
          <Textarea
            label="Add a comment"
            name="comment"
           
            value={text}
            error={error}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" size="xs" variant="light" loading={add.isPending}>
              Comment
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
