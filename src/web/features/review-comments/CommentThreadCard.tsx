import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { CommentThread, ReviewComment } from '../../../shared/review-comments/review-comment.schema.js';
import { reviewCommentsApi, useAsyncReviewMutation } from './review-comments-api.js';

function CommentBody({ comment }: { comment: ReviewComment }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        <Text span fw={600} c="dark">{comment.author.name}</Text> · {new Date(comment.createdAt).toLocaleString()}
        {comment.edited ? ' · edited' : ''}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{comment.text}</Text>
      {comment.mentions.length > 0 && (
        <Group gap={4} mt={2}>
          {comment.mentions.map((person) => (
            <Badge key={person.userId} size="xs" variant="light" data-testid="comment-mention">@{person.name}</Badge>
          ))}
        </Group>
      )}
    </div>
  );
}

/** One thread: its first comment, replies, a reply box, resolve or reopen. */
export function CommentThreadCard({ reviewId, thread, canWrite }: { reviewId: number; thread: CommentThread; canWrite: boolean }) {
  const [reply, setReply] = useState('');
  const send = useAsyncReviewMutation(reviewId, (text: string) => reviewCommentsApi.add(reviewId, { parentId: thread.id, text }));
  const resolve = useAsyncReviewMutation(reviewId, (resolved: boolean) => reviewCommentsApi.resolve(reviewId, thread.id, thread.version, resolved));
  const resolved = thread.resolvedAt !== null;
  return (
    <Card withBorder padding="sm" data-testid="comment-thread" data-resolved={resolved}>
      <Stack gap="xs">
        <Group gap={6}>
          {thread.anchor.itemId && <Badge size="xs" variant="outline">item {thread.anchor.itemId}</Badge>}
          {thread.forMeeting && <Badge size="xs" color="grape">For the meeting</Badge>}
          {resolved && <Badge size="xs" color="teal" data-testid="thread-resolved">Resolved by {thread.resolvedBy?.name}</Badge>}
        </Group>
        <CommentBody comment={thread} />
        {thread.replies.map((r) => (
          <div key={r.id} style={{ paddingLeft: 12, borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            <CommentBody comment={r} />
          </div>
        ))}
        {canWrite && (
          <>
            {!resolved && (
              <Textarea aria-label="Reply" placeholder="Reply…" autosize minRows={1} value={reply} onChange={(e) => setReply(e.currentTarget.value)} />
            )}
            <Group gap="xs">
              {!resolved && (
                <Button size="compact-sm" variant="default" disabled={!reply.trim()} loading={send.isPending} onClick={() => send.mutate(reply, { onSuccess: () => setReply('') })}>
                  Reply
                </Button>
              )}
              <Button size="compact-sm" variant="subtle" loading={resolve.isPending} onClick={() => resolve.mutate(!resolved)}>
                {resolved ? 'Reopen' : 'Resolve'}
              </Button>
            </Group>
            {(send.error ?? resolve.error) && <Text fz="xs" c="red">{(send.error ?? resolve.error)!.message}</Text>}
          </>
        )}
      </Stack>
    </Card>
  );
}
