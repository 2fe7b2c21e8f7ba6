import { Button, Checkbox, Drawer, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { PartKey } from '../../../shared/reviews/review-part.js';
import { reviewParts } from '../../../shared/reviews/review-parts.js';
import { useSession } from '../../app/session.js';
import { CommentThreadCard } from './CommentThreadCard.js';
import { reviewCommentsApi, useAsyncReviewMutation, useThreads } from './review-comments-api.js';

/**
 * The comments of one review part: a button showing how many threads are open, which opens a
 * drawer with the part's threads and a box to start one (optionally as a question for the meeting).
 */
export function PartComments({ reviewId, part, readOnly }: { reviewId: number; part: PartKey; readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [forMeeting, setForMeeting] = useState(false);
  const { canWrite } = useSession();
  const threads = (useThreads(reviewId).data ?? []).filter((t) => t.anchor.part === part);
  const openCount = threads.filter((t) => t.resolvedAt === null).length;
  const start = useAsyncReviewMutation(reviewId, () => reviewCommentsApi.add(reviewId, { anchor: { part, itemId: null }, text, forMeeting }));
  const label = reviewParts[part].label;
  const writable = canWrite && !readOnly;

  return (
    <>
      <Group justify="flex-end" mb={-12}>
        <Button size="compact-xs" variant="subtle" leftSection={<IconMessageCircle size={14} />} onClick={() => setOpen(true)} data-testid={`comments-${part}`} aria-label={`Comments on ${label}`}>
          {openCount > 0 ? `${openCount} open` : 'Comment'}
        </Button>
      </Group>
      <Drawer opened={open} onClose={() => setOpen(false)} position="right" size="md" title={`Comments on ${label}`}>
        <Stack gap="sm">
          {threads.length === 0 && <Text fz="sm" c="dimmed">No comments on this part yet.</Text>}
          {threads.map((thread) => (
            <CommentThreadCard key={thread.id} reviewId={reviewId} thread={thread} canWrite={writable} />
          ))}
          {writable && (
            <Stack gap="xs">
              <Textarea label="New comment" description="@Name or @e-mail mentions someone" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="new-comment" />
              <Checkbox label="A question for the meeting" checked={forMeeting} onChange={(e) => setForMeeting(e.currentTarget.checked)} />
              <Group>
                <Button
                  size="sm"
                  disabled={!text.trim()}
                  loading={start.isPending}
                  onClick={() =>
                    start.mutate(undefined, {
                      onSuccess: () => {
                        setText('');
                        setForMeeting(false);
                      },
                    })
                  }
                >
                  Comment
                </Button>
              </Group>
              {start.error && <Text fz="xs" c="red">{start.error.message}</Text>}
            </Stack>
          )}
        </Stack>
      </Drawer>
    </>
  );
}
