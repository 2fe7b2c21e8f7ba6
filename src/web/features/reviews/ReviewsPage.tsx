import { useCursorPages } from '../../api/use-cursor-pages.js';
import { Card, Center, EmptyState, Group, Loader, Table, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link } from 'react-router';
import { reviewStates, type Review } from '../../../shared/reviews/review.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { reviewsApi, type ReviewFilters } from '../../api/reviews.js';
import { OverdueBadge, ReviewStateBadge, reviewStateLabel, SeverityBadge } from '../../ui/badges.js';
import { formatDueIn } from '../../ui/deadline.js';
import { DueDay } from '../../ui/DueDay.js';
import { OwnerStatusFilters, useOwnerStatusFilters } from '../../ui/OwnerStatusFilters.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { QualityBadge } from '../language/QualityBadge.js';
import { LoadMore } from '../../ui/LoadMore.js';

/** The review's incident, from the title and severity every listed review carries. */
function IncidentCell({ review }: { review: Review }) {
  return (
    <Group gap={10} wrap="nowrap" align="flex-start">
      <SeverityBadge severity={review.incidentSeverity} size="sm" style={{ flexShrink: 0 }} />
      <Text component={Link} to={`/reviews/${review.id}`} className="hs-link" fw={600} fz="sm" lineClamp={2} style={{ flex: 1, minWidth: 0 }}>
        {review.incidentTitle}
      </Text>
    </Group>
  );
}

function ReviewRow({ review }: { review: Review }) {
  return (
    <Table.Tr data-testid="review-row">
      <Table.Td><IncidentCell review={review} /></Table.Td>
      <Table.Td><ReviewStateBadge state={review.state} /></Table.Td>
      <Table.Td><QualityBadge score={review.qualityScore} /></Table.Td>
      <Table.Td><Text fz="sm" c={review.owner ? undefined : 'dimmed'}>{review.owner?.name ?? 'Unassigned'}</Text></Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <DueDay value={review.dueAt} fz="sm" c={review.overdue ? 'red.9' : undefined} fw={review.overdue ? 600 : undefined} />
          {review.overdue ? <OverdueBadge size="sm" /> : review.dueAt && review.state !== 'published' ? <Text fz="xs" c="dimmed">{formatDueIn(review.dueAt)}</Text> : null}
        </Group>
      </Table.Td>
      <Table.Td><Text fz="xs" c="dimmed" lineClamp={2}>{review.policy.reason}</Text></Table.Td>
    </Table.Tr>
  );
}

export default function ReviewsPage() {
  const filterState = useOwnerStatusFilters();
  const filters: ReviewFilters = filterState.query('state');
  const { query, items: reviews } = useCursorPages(queryKeys.reviewList(filters), (cursor, signal) => reviewsApi.list(filters, cursor, signal));

  return (
    <Page
      title={filterState.mine ? 'My reviews' : 'Reviews'}
      description={filterState.mine ? 'The reviews you own and drive to done.' : "Every post-incident review with its owner and deadline, counted in working days from the incident's resolution."}
    >
      <OwnerStatusFilters
        label="Filter reviews"
        statusLabel="State"
        options={reviewStates.map((s) => ({ value: s, label: reviewStateLabel[s] }))}
        state={filterState.state}
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <Center py={60}><Loader size="sm" /></Center>
        ) : reviews.length === 0 ? (
          <EmptyState py={56} variant="light" icon={<IconFileText size={26} />} title="No reviews here" description="A review opens when a resolved incident meets the review policy, or when someone requests one." />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Incident</Table.Th>
                  <Table.Th w={120}>State</Table.Th>
                  <Table.Th w={76}>Quality</Table.Th>
                  <Table.Th w={130}>Owner</Table.Th>
                  <Table.Th w={210}>Due</Table.Th>
                  <Table.Th w={200}>Why a review</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.map((r) => <ReviewRow key={r.id} review={r} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={query} />
    </Page>
  );
}
