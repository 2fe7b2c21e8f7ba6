import { Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import type { SignOffStatus } from '../../../shared/review-comments/sign-off.schema.js';
import { useSession } from '../../app/session.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';
import { reviewCommentsApi, useAsyncReview, useAsyncReviewMutation } from './review-comments-api.js';

const statusBadges: Record<SignOffStatus, { label: string; color: string }> = {
  requested: { label: 'Waiting', color: 'gray' },
  signed_off: { label: 'Signed off', color: 'teal' },
  changes_requested: { label: 'Changes requested', color: 'orange' },
};

/**
 * The async review (F10): who was asked to sign off and what they said, the questions for the
 * meeting, and whether the review may go on to the meeting. `meeting` is the meeting's panel.
 */
export function AsyncReviewCard({ reviewId, readOnly, meeting }: { reviewId: number; readOnly: boolean; meeting: ReactNode }) {
  const { user, canWrite } = useSession();
  const state = useAsyncReview(reviewId);
  const [asking, setAsking] = useState<PersonRef[]>([]);
  const [note, setNote] = useState('');
  const request = useAsyncReviewMutation(reviewId, (ids: number[]) => reviewCommentsApi.requestReviewers(reviewId, ids));
  const decide = useAsyncReviewMutation(reviewId, (decision: 'signed_off' | 'changes_requested') => reviewCommentsApi.signOff(reviewId, { decision, ...(note.trim() ? { note } : {}) }));
  const data = state.data;
  const mine = data?.reviewers.find((r) => r.reviewer.userId === user?.id);
  const writable = canWrite && !readOnly;

  return (
    <Card component="section" aria-labelledby="async-review-heading" data-testid="async-review">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id="async-review-heading">Async review</Title>
          {data && (
            <Badge color={data.complete ? 'teal' : 'gray'} data-testid="async-review-status">
              {data.complete ? 'Complete' : 'In progress'}
            </Badge>
          )}
        </Group>
        {data && !data.complete && (
          <List size="sm" data-testid="async-review-gaps">
            {data.gaps.map((gap) => (
              <List.Item key={gap}>{gap}</List.Item>
            ))}
          </List>
        )}
        {data && data.reviewers.length > 0 && (
          <Stack gap={4} data-testid="reviewers">
            {data.reviewers.map((r) => (
              <Group key={r.reviewer.userId} gap="xs">
                <Text fz="sm">{r.reviewer.name}</Text>
                <Badge size="sm" variant="light" color={statusBadges[r.status].color}>{statusBadges[r.status].label}</Badge>
                {r.note && <Text fz="xs" c="dimmed">“{r.note}”</Text>}
              </Group>
            ))}
          </Stack>
        )}
        {writable && (
          <Group align="flex-end" gap="xs">
            <div style={{ flex: 1 }}>
              <PeoplePicker label="Ask to review and sign off" value={asking} onChange={setAsking} allowNames={false} name="reviewers" />
            </div>
            <Button
              variant="default"
              disabled={asking.length === 0}
              loading={request.isPending}
              onClick={() => request.mutate(asking.flatMap((p) => (p.userId === null ? [] : [p.userId])), { onSuccess: () => setAsking([]) })}
            >
              Ask
            </Button>
          </Group>
        )}
        {request.error && <Text fz="xs" c="red">{request.error.message}</Text>}
        {writable && mine && (
          <Stack gap="xs">
            <Textarea label="Your note (required to request changes)" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group gap="xs">
              <Button color="teal" loading={decide.isPending && decide.variables === 'signed_off'} onClick={() => decide.mutate('signed_off')} data-testid="sign-off">
                Sign off
              </Button>
              <Button variant="default" loading={decide.isPending && decide.variables === 'changes_requested'} onClick={() => decide.mutate('changes_requested')}>
                Request changes
              </Button>
            </Group>
            {decide.error && <Text fz="xs" c="red">{decide.error.message}</Text>}
          </Stack>
        )}
        {data && data.meetingQuestions.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>Questions for the meeting</Text>
            <List size="sm" data-testid="meeting-questions">
              {data.meetingQuestions.map((q) => (
                <List.Item key={q.id}>{q.text}</List.Item>
              ))}
            </List>
          </div>
        )}
        {meeting}
      </Stack>
    </Card>
  );
}
