import { useCursorPages } from '../../api/use-cursor-pages.js';
import { Button, Card, Center, Chip, EmptyState, Group, Loader, Paper, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { reviewStates, type Review } from '../../../shared/reviews/review.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { reviewsApi, type ReviewFilters } from '../../api/reviews.js';
import { OverdueBadge, ReviewStateBadge, reviewStateLabel, SeverityBadge } from '../../ui/badges.js';
import { formatRelative } from '../../ui/format.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { QualityBadge } from '../language/QualityBadge.js';

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
      <Table.Td><Text fz="sm" c={review.owner ? undefined : 'dimmed'}>{review.owner ?? 'Unassigned'}</Text></Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Timestamp value={review.dueAt} format="date" fz="sm" c={review.overdue ? 'red.7' : undefined} fw={review.overdue ? 600 : undefined} />
          {review.overdue ? <OverdueBadge size="sm" /> : review.dueAt && review.state !== 'published' ? <Text fz="xs" c="dimmed">{formatRelative(review.dueAt)}</Text> : null}
        </Group>
      </Table.Td>
      <Table.Td><Text fz="xs" c="dimmed" lineClamp={2}>{review.policy.reason}</Text></Table.Td>
    </Table.Tr>
  );
}

export default function ReviewsPage() {
  const [states, setStates] = useState<string[]>([]);
  const [owner, setOwner] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [debouncedOwner] = useDebouncedValue(owner.trim(), 300);
  const filters: ReviewFilters = { ...(states.length ? { state: states } : {}), ...(debouncedOwner ? { owner: debouncedOwner } : {}), ...(overdue ? { overdue: 'true' as const } : {}) };
  const { query, items: reviews } = useCursorPages(queryKeys.reviewList(filters), (cursor, signal) => reviewsApi.list(filters, cursor, signal));

  return (
    <Page title="Reviews" description="Every post-incident review with its owner and deadline. Reviews are due 10 working days after the incident is resolved.">
      <Paper withBorder p="sm" radius="lg" role="search" aria-label="Filter reviews">
        <Group gap="md">
          <TextInput aria-label="Owner" placeholder="Owner" leftSection={<IconUser size={16} />} w={170} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} />
          <Group gap={8} role="group" aria-labelledby="filter-review-state">
            <Text id="filter-review-state" fz="xs" fw={600} c="dimmed" tt="uppercase">State</Text>
            <Chip.Group multiple value={states} onChange={setStates}>
              {reviewStates.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline">{reviewStateLabel[s]}</Chip>
              ))}
            </Chip.Group>
          </Group>
          <Switch label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} color="red" />
        </Group>
      </Paper>
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
                  <Table.Th w={170}>Due</Table.Th>
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
      {query.hasNextPage && (
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>Load more</Button>
        </Group>
      )}
    </Page>
  );
}
