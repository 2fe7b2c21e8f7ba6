import { Anchor, Badge, Button, Group, Loader, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTicket } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { trackerKindLabels, type ReviewTrackerIssues, type TrackerIssue } from '../../../shared/trackers/tracker.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { trackersApi } from '../../api/trackers.js';

/** The review's tracker issues; refetched with its action items (the key is under theirs). */
export const useReviewTrackerIssues = (reviewId: number) =>
  useQuery({ queryKey: queryKeys.reviewTrackerIssues(reviewId), queryFn: ({ signal }) => trackersApi.reviewIssues(reviewId, signal) });

const stateLabel: Record<TrackerIssue['state'], { label: string; color: string }> = {
  creating: { label: 'creating…', color: 'gray' },
  open: { label: 'open', color: 'teal' },
  closed: { label: 'closed', color: 'violet' },
  failed: { label: 'failed', color: 'red' },
};

/** An action item's issue in the tracker with its state, or the button that makes it. */
export function TrackerIssueLink({ reviewId, actionItemId, issues, canWrite }: { reviewId: number; actionItemId: number; issues: ReviewTrackerIssues | undefined; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => trackersApi.createIssue(actionItemId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.reviewTrackerIssues(reviewId) }),
    onError: (e: Error) => notifications.show({ color: 'red', title: 'No issue made', message: e.message }),
  });
  const issue = issues?.items.find((i) => i.actionItemId === actionItemId);
  if (issue && issue.state !== 'failed') {
    const meta = stateLabel[issue.state];
    return (
      <Group gap={4} wrap="nowrap" data-testid="tracker-issue">
        <IconTicket size={14} />
        {issue.url ? (
          <Anchor href={issue.url} target="_blank" rel="noreferrer" fz="xs">{trackerKindLabels[issue.kind]} {issue.key}</Anchor>
        ) : (
          <Anchor component="span" fz="xs" c="dimmed">{trackerKindLabels[issue.kind]}</Anchor>
        )}
        <Badge size="xs" variant="light" color={meta.color} leftSection={issue.state === 'creating' ? <Loader size={8} /> : undefined}>{meta.label}</Badge>
      </Group>
    );
  }
  if (!canWrite || !issues?.tracker) return null;
  const tracker = issues.tracker;
  return (
    <Group gap={4} wrap="nowrap">
      {issue?.state === 'failed' && (
        <Tooltip label={issue.error ?? 'The tracker refused it'}><Badge size="xs" color="red" variant="light">issue failed</Badge></Tooltip>
      )}
      <Button size="compact-xs" variant="subtle" leftSection={<IconTicket size={12} />} loading={create.isPending} onClick={() => create.mutate()}>
        {issue?.state === 'failed' ? 'Try again' : `Create issue in ${tracker.name} (${trackerKindLabels[tracker.kind]})`}
      </Button>
    </Group>
  );
}
