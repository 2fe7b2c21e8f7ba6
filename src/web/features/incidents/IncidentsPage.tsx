import { useCursorPages } from '../../api/use-cursor-pages.js';
import { Button, Card, Center, EmptyState, Group, Loader, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { incidentsApi } from '../../api/incidents.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { IncidentFiltersBar } from './IncidentFiltersBar.js';
import { IncidentsTable } from './IncidentsTable.js';
import { useIncidentFilters } from './use-incident-filters.js';

export default function IncidentsPage() {
  const { filters, setFilter, clear, active } = useIncidentFilters();
  const { canWrite } = useSession();
  const { query, items: incidents } = useCursorPages(queryKeys.incidentList(filters), (cursor, signal) => incidentsApi.list(filters, cursor, signal));

  return (
    <Page
      title="Incidents"
      description="Every production incident, newest first. Resolving one that meets the review policy opens its review."
      actions={
        canWrite && (
          <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} />}>
            New incident
          </Button>
        )
      }
    >
      <IncidentFiltersBar filters={filters} setFilter={setFilter} clear={clear} active={active} />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} title="Could not load incidents" />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <Center py={60}>
            <Loader size="sm" />
          </Center>
        ) : incidents.length === 0 ? (
          <EmptyState
            py={56}
            variant="light"
            icon={<IconAlertTriangle size={26} />}
            title={active ? 'No incidents match these filters' : 'No incidents yet'}
            description={active ? 'Try removing a filter.' : canWrite ? 'Record an incident by hand, or from a script through the API with a token.' : 'Incidents appear here as responders record them.'}
          >
            <EmptyState.Actions>
              {active ? (
                <Button variant="light" onClick={clear}>
                  Clear filters
                </Button>
              ) : (
                canWrite && (
                  <Button component={Link} to="/incidents/new" leftSection={<IconPlus size={16} />}>
                    New incident
                  </Button>
                )
              )}
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <IncidentsTable incidents={incidents} />
          </Table.ScrollContainer>
        )}
      </Card>
      {incidents.length > 0 && (
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            Showing {incidents.length} incident{incidents.length === 1 ? '' : 's'}
          </Text>
          {query.hasNextPage && (
            <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </Group>
      )}
    </Page>
  );
}
