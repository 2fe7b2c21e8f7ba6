import { useCursorPages } from '../../api/use-cursor-pages.js';
import { Badge, Card, Center, EmptyState, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { actionItemStatuses, type ActionItem } from '../../../shared/actions/action-item.schema.js';
import { actionsApi, type ActionItemFilters } from '../../api/actions.js';
import { queryKeys } from '../../api/query-keys.js';
import { OwnerStatusFilters, useOwnerStatusFilters } from '../../ui/OwnerStatusFilters.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { classLabels, kindLabels, priorityLabels, statusMeta } from './action-meta.js';
import { DueDate } from './DueDate.js';
import { LoadMore } from '../../ui/LoadMore.js';

function Row({ item }: { item: ActionItem }) {
  const status = statusMeta[item.status];
  return (
    <Table.Tr data-testid="action-row">
      <Table.Td>
        <Stack gap={2}>
          <Text fz="sm" fw={600}>{item.title}</Text>
          <Group gap={4}>
            <Badge size="xs" color="gray" variant="outline">{kindLabels[item.kind]}</Badge>
            {item.class && <Badge size="xs" color="hindsight" variant="light">{classLabels[item.class]}</Badge>}
            {item.priority && <Badge size="xs" color="dark" variant="light">{priorityLabels[item.priority]}</Badge>}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text component={Link} to={`/reviews/${item.reviewId}#action-items`} className="hs-link" fz="sm" c="dimmed" lineClamp={2}>
          {item.incidentTitle}
        </Text>
      </Table.Td>
      <Table.Td><Text fz="sm" c={item.owner ? undefined : 'dimmed'}>{item.owner?.name ?? 'No owner'}</Text></Table.Td>
      <Table.Td><DueDate item={item} /></Table.Td>
      <Table.Td><Badge color={status.color} variant="dot">{status.label}</Badge></Table.Td>
    </Table.Tr>
  );
}

/** Improvement work from every review, to follow up in one place. */
export default function ActionItemsPage() {
  const filterState = useOwnerStatusFilters();
  const filters: ActionItemFilters = filterState.query('status');
  const { query, items } = useCursorPages(queryKeys.actionItemList(filters), (cursor, signal) => actionsApi.list(filters, cursor, signal));

  return (
    <Page
      title={filterState.mine ? 'My action items' : 'Action items'}
      description={filterState.mine ? 'The improvement work you own, from every review.' : 'Concrete work from every review. Each item should have an owner, a due date, and remove a contributing factor.'}
    >
      <OwnerStatusFilters
        label="Filter action items"
        statusLabel="Status"
        options={actionItemStatuses.map((s) => ({ value: s, label: statusMeta[s].label }))}
        state={filterState.state}
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <Center py={60}><Loader size="sm" /></Center>
        ) : items.length === 0 ? (
          <EmptyState py={56} variant="light" icon={<IconChecklist size={26} />} title="No action items here" description="Action items are added in a review, while walking the timeline or discussing contributors." />
        ) : (
          <Table.ScrollContainer minWidth={880}>
            <Table highlightOnHover horizontalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Action item</Table.Th>
                  <Table.Th w={230}>Incident</Table.Th>
                  <Table.Th w={130}>Owner</Table.Th>
                  <Table.Th w={120}>Due</Table.Th>
                  <Table.Th w={130}>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map((item) => <Row key={item.id} item={item} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={query} />
    </Page>
  );
}
