import { Alert, Button, Card, DataList, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { useSession } from '../../app/session.js';
import { OverdueBadge, ReviewStateBadge } from '../../ui/badges.js';
import { QueryError } from '../../ui/QueryError.js';
import { DueDay } from '../../ui/DueDay.js';
import { RequestReviewButton } from './RequestReviewButton.js';
import { useIncidentReview } from './use-incident.js';

/** What the review policy decides for this incident and why, and the review itself when it exists. */
export function ReviewPolicyCard({ incident }: { incident: Incident }) {
  const query = useIncidentReview(incident.id);
  const { canWrite } = useSession();
  if (query.isPending) return <Skeleton h={180} radius="lg" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { policy, review } = query.data;

  return (
    <Card data-testid="review-policy">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={36} radius="md" color={policy.required ? 'hindsight' : 'gray'}>
            {policy.required ? <IconCircleCheck size={20} /> : <IconInfoCircle size={20} />}
          </ThemeIcon>
          <div>
            <Title order={3}>{policy.required ? 'Review required' : 'No review required'}</Title>
            <Text fz="sm" c="dimmed" data-testid="policy-reason">
              {policy.reason}
            </Text>
          </div>
        </Group>
        {review ? (
          <>
            <DataList size="sm" labelWidth={90} gap={8} style={{ overflowWrap: 'anywhere' }}>
              <DataList.Item>
                <DataList.ItemLabel>State</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Group gap={6}>
                    <ReviewStateBadge state={review.state} />
                    {review.overdue && <OverdueBadge size="sm" />}
                  </Group>
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Owner</DataList.ItemLabel>
                <DataList.ItemValue>{review.owner?.name ?? <Text span c="dimmed">Unassigned</Text>}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Due</DataList.ItemLabel>
                <DataList.ItemValue>
                  <DueDay value={review.dueAt} />
                </DataList.ItemValue>
              </DataList.Item>
              {review.policy.reason !== policy.reason && (
                <DataList.Item>
                  <DataList.ItemLabel>Opened</DataList.ItemLabel>
                  <DataList.ItemValue>{review.policy.reason}</DataList.ItemValue>
                </DataList.Item>
              )}
            </DataList>
            <Button component={Link} to={canWrite ? `/reviews/${review.id}` : `/reviews/${review.id}/read`} rightSection={<IconArrowRight size={16} />} fullWidth>
              {canWrite ? 'Open the review' : 'Read the review'}
            </Button>
          </>
        ) : (
          <>
            {policy.required && incident.status !== 'resolved' && (
              <Alert variant="light" color="hindsight" p="sm">
                The review opens automatically when the incident is resolved.
              </Alert>
            )}
            {canWrite && <RequestReviewButton incident={incident} />}
          </>
        )}
      </Stack>
    </Card>
  );
}
