import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { timelineCommentCreateSchema, type TimelineComment, type TimelineEntry } from '../../../shared/timeline/timeline.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi } from '../../api/timeline.js';
import { serverFieldErrors, zodFieldErrors } from '../../ui/field-errors.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { MentionPreview } from './MentionPreview.js';
import { useTimelineCache } from './use-timeline.js';

/** A comment's text with the people it mentions in bold, as the server resolved them. */
function CommentText({ comment }: { comment: TimelineComment }) {
  const names = comment.mentions.map((p) => p.name).filter(Boolean);
  if (names.length === 0) return <>{comment.text}</>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const parts = comment.text.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'i'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} span fw={650} c="hindsight.8" inherit>
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function EntryComments({ entry, readOnly = false }: { entry: TimelineEntry; readOnly?: boolean }) {
  const queryClient = useQueryClient();
  const cache = useTimelineCache(entry.incidentId);
  const key = queryKeys.entryComments(entry.id);
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
          {readOnly ? 'No comments.' : 'No comments yet. Add context, a question, or what someone remembers differently.'}
        </Text>
      )}
      {comments.data?.items.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md" bg="gray.0" data-testid="entry-comment">
          <Group justify="space-between" mb={4}>
            <Text fz="xs" fw={650}>
              {c.author.name}
            </Text>
            <Timestamp value={c.createdAt} format="relative" fz="xs" c="dimmed" />
          </Group>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <CommentText comment={c} />
          </Text>
        </Paper>
      ))}
      {!readOnly && (
        <form onSubmit={submit}>
          <Stack gap={6}>
            <Textarea
              label="Add a comment"
              description="Mention someone with @ and their name"
              name="comment"
              value={text}
              error={error}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
              }}
            />
            <MentionPreview text={text} onComplete={setText} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="light" loading={add.isPending}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
