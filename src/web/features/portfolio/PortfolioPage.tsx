import { Alert, Badge, Button, Card, Center, Group, Loader, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowMerge, IconCircleCheck, IconHourglass, IconQuestionMark, IconRepeat, IconStack3 } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Portfolio } from '../../../shared/portfolio/portfolio.schema.js';
import { portfolioApi } from '../../api/portfolio.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { SeverityBadge } from '../../ui/badges.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';

type Group = Portfolio['groups'][number];

/** One group of alike items; those who may write pick the one to keep and merge the rest into it. */
function GroupCard({ group, rank, canWrite }: { group: Group; rank: number; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<string>(String(group.items[0]!.actionItemId));
  const merge = useMutation({
    mutationFn: () => portfolioApi.merge(Number(keep), group.items.map((i) => i.actionItemId).filter((id) => id !== Number(keep))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.actionItems }),
  });
  return (
    <Card withBorder padding="lg" radius="md" data-testid="portfolio-group">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <Text fw={700} c="dimmed">{rank}.</Text>
          <Text fw={650}>{group.reason}</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {group.categories.map((category) => <Badge key={category.key} variant="light">{category.label}</Badge>)}
        </Group>
      </Group>
      <Radio.Group value={keep} onChange={setKeep} name={`keep-${rank}`} label={canWrite ? 'Keep one, merge the others into it' : undefined}>
        <Stack gap={6} mt={canWrite ? 6 : 0}>
          {group.items.map((item) => (
            <Group key={item.actionItemId} gap="sm" wrap="nowrap" align="flex-start">
              {canWrite && <Radio value={String(item.actionItemId)} aria-label={`Keep ${item.title}`} mt={3} />}
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text component={Link} to={`/reviews/${item.reviewId}`} className="hs-link" fz="sm" fw={600}>{item.title}</Text>
                <Group gap={6} wrap="wrap">
                  <SeverityBadge severity={item.severity} size="xs" />
                  <Text fz="xs" c="dimmed">
                    #{item.incidentId} {item.incidentTitle}
                    {item.owner ? ` · ${item.owner.name}` : ''}
                    {item.dueDate ? ` · due ${item.dueDate}` : ''}
                  </Text>
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      {merge.isError && <Alert color="red" variant="light" mt="sm" p="xs">{merge.error.message}</Alert>}
      {canWrite && (
        <Group justify="flex-end" mt="sm">
          <Button size="xs" variant="light" leftSection={<IconArrowMerge size={14} />} loading={merge.isPending} onClick={() => merge.mutate()}>
            Merge {group.items.length - 1} into the kept one
          </Button>
        </Group>
      )}
    </Card>
  );
}

const verdicts: Record<Portfolio['effectiveness'][number]['verdict'], { label: string; color: string; icon: typeof IconRepeat }> = {
  recurred: { label: 'Came back', color: 'red', icon: IconRepeat },
  no_recurrence: { label: 'No recurrence since', color: 'green', icon: IconCircleCheck },
  too_soon: { label: 'Too soon to tell', color: 'gray', icon: IconHourglass },
  no_category: { label: 'No contributor linked', color: 'gray', icon: IconQuestionMark },
};

function Effectiveness({ rows }: { rows: Portfolio['effectiveness'] }) {
  if (rows.length === 0) return <Text fz="sm" c="dimmed">No action item is done yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Done action item</Table.Th>
            <Table.Th>Done</Table.Th>
            <Table.Th>Contributor categories</Table.Th>
            <Table.Th>Did it work?</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const verdict = verdicts[row.verdict];
            const Icon = verdict.icon;
            return (
              <Table.Tr key={row.actionItemId}>
                <Table.Td><Text fz="sm">{row.title}</Text><Text fz="xs" c="dimmed">from #{row.incidentId}</Text></Table.Td>
                <Table.Td><Text fz="sm">{new Date(row.doneAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</Text></Table.Td>
                <Table.Td><Text fz="sm">{row.categories.map((c) => c.label).join(', ') || '—'}</Text></Table.Td>
                <Table.Td>
                  <Badge color={verdict.color} variant="light" leftSection={<Icon size={12} />}>{verdict.label}</Badge>
                  {row.recurredIn.length > 0 && (
                    <Text fz="xs" c="dimmed" mt={2}>
                      in{' '}
                      {row.recurredIn.slice(0, 3).map((incident, i) => (
                        <span key={incident.incidentId}>
                          {i > 0 && ', '}
                          <Text component={Link} to={`/incidents/${incident.incidentId}`} className="hs-link" fz="xs" span>#{incident.incidentId} {incident.title}</Text>
                        </span>
                      ))}
                      {row.recurredIn.length > 3 ? ` and ${row.recurredIn.length - 3} more` : ''}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The improvement portfolio (B8): follow-ups across all incidents, consolidated, and whether they worked. */
export default function PortfolioPage() {
  const { canWrite } = useSession();
  const query = useQuery({ queryKey: queryKeys.portfolio, queryFn: ({ signal }) => portfolioApi.get(signal) });
  const data = query.data;
  return (
    <Page
      title="Improvement portfolio"
      description="Action items from different incidents that ask for the same improvement, grouped and ranked by how many incidents and contributor categories they address and by their impact. Merge duplicates into one tracked item, and see whether done items worked."
      meta={data ? <Text fz="sm" c="dimmed">{data.openItemsConsidered} open action item{data.openItemsConsidered === 1 ? '' : 's'} considered</Text> : null}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending ? (
        <Center py={80}><Loader size="sm" /></Center>
      ) : data ? (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="portfolio-groups">
            <Group gap={8}>
              <IconStack3 size={20} color="var(--mantine-color-hindsight-7)" />
              <Title order={2} fz="lg" id="portfolio-groups">Alike follow-ups, most valuable first</Title>
            </Group>
            {data.groups.length === 0 ? <Text fz="sm" c="dimmed">No two open action items look alike.</Text> : data.groups.map((group, i) => <GroupCard key={group.items.map((item) => item.actionItemId).join('-')} group={group} rank={i + 1} canWrite={canWrite} />)}
          </Stack>
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="portfolio-effectiveness">
            <Title order={2} fz="lg" id="portfolio-effectiveness" mb="xs">Did it work?</Title>
            <Text fz="sm" c="dimmed" mb="sm">For each done item: did incidents with the contributor categories it addressed come back after it was done?</Text>
            <Effectiveness rows={data.effectiveness} />
          </Card>
        </Stack>
      ) : null}
    </Page>
  );
}
