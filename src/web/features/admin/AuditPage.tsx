import { useCursorPages } from '../../api/use-cursor-pages.js';
import '@mantine/dates/styles.css';
import { Accordion, Badge, Button, Card, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import { IconArrowRight, IconClipboardList, IconHistory, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../shared/accounts/audit.schema.js';
import { auditApi, usersApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { actionTone, fieldLabel, type Tone } from './audit-diff.js';
import { actionInWords, subjectInWords } from './audit-words.js';
import { AuditDiff } from './AuditDiff.js';
import { AuditFiltersBar } from './AuditFiltersBar.js';
import { toAuditQuery, useAuditFilters, type AuditPageFilters } from './use-audit-filters.js';

const toneColor: Record<Tone, string> = { create: 'teal', change: 'blue', remove: 'red', access: 'grape' };

/** Where the entity lives in the app, when it has a page. */
function entityLink(entry: AuditEntry): string | null {
  if (entry.entityType === 'incident') return `/incidents/${entry.entityId}`;
  if (entry.entityType === 'review') return `/reviews/${entry.entityId}`;
  if (entry.entityType === 'job') return `/admin/jobs?job=${entry.entityId}`;
  if (entry.incidentId !== null) return `/incidents/${entry.incidentId}`;
  return null;
}

function EntryControl({ entry }: { entry: AuditEntry }) {
  return (
    <Group gap="md" wrap="nowrap">
      <Timestamp value={entry.at} format="datetimeSeconds" fz="sm" c="dimmed" miw={130} style={{ flexShrink: 0, whiteSpace: 'nowrap' }} />
      <Badge color={toneColor[actionTone(entry.action)]} variant="light" style={{ flexShrink: 0 }} title={entry.action}>
        {actionInWords(entry.action)}
      </Badge>
      <Text fz="sm" lineClamp={1} data-testid="audit-summary">
        <Text span fw={600} inherit>{entry.actor.name}</Text>
        <Text span inherit> · {actionInWords(entry.action).toLowerCase()} {subjectInWords(entry).text}</Text>
        {entry.incidentId !== null && entry.entityType !== 'incident' && <Text span c="dimmed" inherit> · incident #{entry.incidentId}</Text>}
      </Text>
    </Group>
  );
}

/** Follow an entry: everything by the same person, the entity's whole history, its page. */
function EntryLinks({ entry, set }: { entry: AuditEntry; set: (changes: Partial<AuditPageFilters>) => void }) {
  const link = subjectInWords(entry).link ?? entityLink(entry);
  return (
    <Group gap="xs" mb="sm">
      {entry.actor.userId !== null && (
        <Button size="compact-xs" variant="light" color="gray" leftSection={<IconUser size={12} />} onClick={() => set({ actor: String(entry.actor.userId) })}>
          Everything by {entry.actor.name}
        </Button>
      )}
      <Button size="compact-xs" variant="light" color="gray" leftSection={<IconHistory size={12} />} onClick={() => set({ entityType: entry.entityType, entityId: entry.entityId })}>
        History of {fieldLabel(entry.entityType).toLowerCase()} #{entry.entityId}
      </Button>
      {link && (
        <Button size="compact-xs" variant="subtle" component={Link} to={link} rightSection={<IconArrowRight size={12} />}>
          Open {subjectInWords(entry).text}
        </Button>
      )}
    </Group>
  );
}

/** Admins: who changed what and when, newest first, each with its before and after. */
export default function AuditPage() {
  const { filters, set, clear, active } = useAuditFilters();
  const query = toAuditQuery(filters);
  const users = useQuery({ queryKey: [...queryKeys.users, 'for-filter'], queryFn: ({ signal }) => usersApi.list(undefined, signal) });
  const { query: entries, items } = useCursorPages(queryKeys.audit(query), (cursor, signal) => auditApi.list(query, cursor, signal));

  return (
    <Page title="Audit log" description="Every change, with who made it and the record before and after. Open an entry to see what changed.">
      <AuditFiltersBar filters={filters} set={set} clear={clear} active={active} users={users.data?.items ?? []} />
      {entries.isError && <QueryError error={entries.error} onRetry={() => void entries.refetch()} />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {entries.isPending ? (
          <Center py={60}><Loader size="sm" /></Center>
        ) : items.length === 0 ? (
          <EmptyState py={56} variant="light" icon={<IconClipboardList size={26} />} title={active ? 'No entries match these filters' : 'Nothing recorded yet'} description={active ? 'Try a wider date range or remove a filter.' : 'Changes appear here as people work.'} />
        ) : (
          <Accordion multiple variant="default" chevronPosition="left" data-testid="audit-entries">
            {items.map((entry) => (
              <Accordion.Item key={entry.id} value={String(entry.id)} data-testid="audit-entry">
                <Accordion.Control>
                  <EntryControl entry={entry} />
                </Accordion.Control>
                <Accordion.Panel>
                  <EntryLinks entry={entry} set={set} />
                  <AuditDiff before={entry.before} after={entry.after} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Card>
      {items.length > 0 && (
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">Showing {items.length} entr{items.length === 1 ? 'y' : 'ies'}</Text>
          {entries.hasNextPage && (
            <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>Load more</Button>
          )}
        </Group>
      )}
    </Page>
  );
}
