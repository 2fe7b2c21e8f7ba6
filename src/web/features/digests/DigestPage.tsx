import { Badge, Button, Card, Center, Group, List, Loader, Menu, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { digestsApi, type DigestFilters } from '../../api/digests.js';
import { queryKeys } from '../../api/query-keys.js';
import { SeverityBadge } from '../../ui/badges.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { useUrlParams } from '../../ui/use-url-params.js';
import { TeamSelect } from '../teams/TeamSelect.js';

/** The team digest (F21): a week of a team, a service, or of everything, to read or post as Markdown or HTML. */
export default function DigestPage() {
  const { params, set } = useUrlParams();
  const query: DigestFilters = Object.fromEntries((['week', 'service', 'team'] as const).flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const [service, setService] = useState(query.service ?? '');
  const digest = useQuery({ queryKey: queryKeys.digest(query), queryFn: ({ signal }) => digestsApi.weekly(query, signal) });
  const data = digest.data;
  const shownQuery: DigestFilters = data ? { week: data.week, ...(data.service ? { service: data.service } : {}), ...(data.team ? { team: data.team.slug } : {}) } : query;
  return (
    <Page
      title="Weekly digest"
      description="A week of incidents for a team's service, or for everyone: what was published and learned, what keeps coming back, and what is still owed."
      actions={
        <Menu position="bottom-end" shadow="md">
          <Menu.Target>
            <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>Download</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={digestsApi.exportUrl(shownQuery, 'markdown')} download>Markdown (.md)</Menu.Item>
            <Menu.Item component="a" href={digestsApi.exportUrl(shownQuery, 'html')} download>HTML page</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      }
      meta={data ? <Text fz="sm" c="dimmed">Week {data.week}: {data.from.slice(0, 10)} to {new Date(Date.parse(data.until) - 1).toISOString().slice(0, 10)} ({data.timeZone})</Text> : null}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          set({ service: service.trim() || null });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TeamSelect label="Team" value={query.team ?? null} onChange={(team) => set({ team })} w={220} />
          <TextInput label="Service" placeholder="Every service" value={service} onChange={(e) => setService(e.currentTarget.value)} w={240} />
          <TextInput label="Week" placeholder="Last week, or 2026-W49" defaultValue={query.week ?? ''} onBlur={(e) => set({ week: e.currentTarget.value.trim() || null })} w={200} />
          <Button type="submit" variant="light">Show</Button>
        </Group>
      </form>
      {digest.isError && <QueryError error={digest.error} onRetry={() => void digest.refetch()} />}
      {digest.isPending ? (
        <Center py={80}><Loader size="sm" /></Center>
      ) : data ? (
        <Stack gap="lg">
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="digest-published">
            <Title order={2} fz="md" id="digest-published" mb="sm">Published reviews and what we learned</Title>
            {data.published.length === 0 ? <Text fz="sm" c="dimmed">No review was published this week.</Text> : (
              <Stack gap="md">
                {data.published.map((review) => (
                  <Stack key={review.reviewId} gap={4}>
                    <Group gap="xs">
                      <SeverityBadge severity={review.severity} />
                      <Text component={Link} to={`/reviews/${review.reviewId}/read`} className="hs-link" fw={650}>#{review.incidentId} {review.title}</Text>
                    </Group>
                    {review.summary && <Text fz="sm" c="dimmed" lineClamp={3}>{review.summary}</Text>}
                    {review.learnings.length > 0 && <List size="sm" spacing={2}>{review.learnings.map((learning, i) => <List.Item key={i}>{learning}</List.Item>)}</List>}
                  </Stack>
                ))}
              </Stack>
            )}
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="digest-recurring">
              <Title order={2} fz="md" id="digest-recurring" mb="sm">Contributors that recur</Title>
              {data.recurringContributors.length === 0 ? <Text fz="sm" c="dimmed">None this week.</Text> : (
                <Stack gap={6}>
                  {data.recurringContributors.map((c) => (
                    <Group key={c.category} justify="space-between">
                      <Group gap={6}>
                        <Text fz="sm" fw={600}>{c.label}</Text>
                        {c.isNew && <Badge size="xs" color="grape" variant="light">New</Badge>}
                      </Group>
                      <Text fz="sm" c="dimmed">{c.thisWeek} this week · {c.before} before</Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="digest-actions">
              <Title order={2} fz="md" id="digest-actions" mb="sm">Action items: {data.openActionItems} open, {data.overdueActionItems.length} overdue</Title>
              {data.overdueActionItems.length === 0 ? <Text fz="sm" c="dimmed">Nothing overdue.</Text> : (
                <List size="sm" spacing={4}>
                  {data.overdueActionItems.map((item) => (
                    <List.Item key={item.actionItemId}>
                      <Text component={Link} to={`/reviews/${item.reviewId}`} className="hs-link" fz="sm">{item.title}</Text>
                      <Text fz="xs" c="dimmed">{item.owner?.name ?? 'No owner'} · due {item.dueDate}</Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </SimpleGrid>
        </Stack>
      ) : null}
    </Page>
  );
}
