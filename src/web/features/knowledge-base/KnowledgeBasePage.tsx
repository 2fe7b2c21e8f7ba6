import { Badge, Button, Card, Center, EmptyState, Grid, Group, List, Loader, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconBulb, IconCategory, IconChevronDown, IconEye, IconFileZip, IconServer } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { KnowledgeBaseHome, KnowledgeBaseReview } from '../../../shared/knowledge-base/knowledge-base.schema.js';
import { knowledgeBaseApi } from '../../api/knowledge-base.js';
import { queryKeys } from '../../api/query-keys.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { useTaxonomy } from '../reviews/use-review.js';
import { readUrl, ReviewCard } from './ReviewCard.js';

const monthLabel = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

function Panel({ title, icon, children, testId }: { title: string; icon: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={testId}>
      <Group gap={8} mb="sm">
        {icon}
        <Title order={2} fz="md">
          {title}
        </Title>
      </Group>
      {children}
    </Card>
  );
}

function ReviewLink({ review }: { review: Pick<KnowledgeBaseReview, 'reviewId' | 'title'> }) {
  return (
    <Text component={Link} to={readUrl(review.reviewId)} className="hs-link" fz="sm" lineClamp={1}>
      {review.title}
    </Text>
  );
}

function ThisMonth({ thisMonth }: { thisMonth: KnowledgeBaseHome['thisMonth'] }) {
  const nothing = thisMonth.learnings.length === 0 && thisMonth.contributors.length === 0;
  return (
    <Panel title={`What we learned in ${monthLabel(thisMonth.month)}`} icon={<IconBulb size={20} color="var(--mantine-color-yellow-7)" />} testId="kb-this-month">
      <Text fz="sm" c="dimmed" mb="md">
        {thisMonth.reviews === 0 ? 'No review published this month yet.' : `From ${thisMonth.reviews} review${thisMonth.reviews === 1 ? '' : 's'} published this month.`}
      </Text>
      {!nothing && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap={6}>
            <Text fz="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
              Lessons
            </Text>
            {thisMonth.learnings.length === 0 ? <Text fz="sm" c="dimmed">No lessons written down yet.</Text> : (
              <List spacing={6} size="sm">
                {thisMonth.learnings.slice(0, 8).map((learning, i) => (
                  <List.Item key={`${learning.reviewId}-${i}`}>
                    <Text fz="sm" lineClamp={3}>{learning.text}</Text>
                    <Text component={Link} to={readUrl(learning.reviewId)} className="hs-link" fz="xs" c="dimmed">
                      #{learning.incidentId} {learning.incidentTitle}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          <Stack gap={6}>
            <Text fz="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
              Key contributors
            </Text>
            {thisMonth.contributors.length === 0 ? <Text fz="sm" c="dimmed">No contributors recorded yet.</Text> : (
              <List spacing={6} size="sm">
                {thisMonth.contributors.slice(0, 8).map((contributor, i) => (
                  <List.Item key={`${contributor.reviewId}-${i}`}>
                    <Text fz="sm" lineClamp={2}>{contributor.title}</Text>
                    <Text component={Link} to={readUrl(contributor.reviewId)} className="hs-link" fz="xs" c="dimmed">
                      #{contributor.incidentId} {contributor.incidentTitle}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Panel>
  );
}

function Groups({ groups, empty }: { groups: Array<{ key: string; label: string; reviews: number; latest: KnowledgeBaseReview[] }>; empty: string }) {
  if (groups.length === 0) return <Text fz="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <Stack key={group.key} gap={2}>
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm" fw={650}>{group.label}</Text>
            <Badge size="sm" variant="light" color="gray" aria-label={`${group.reviews} reviews`}>{group.reviews}</Badge>
          </Group>
          {group.latest.map((review) => <ReviewLink key={review.reviewId} review={review} />)}
        </Stack>
      ))}
    </Stack>
  );
}

function WikiArchiveMenu() {
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileZip size={16} />} rightSection={<IconChevronDown size={14} />}>
          Download wiki archive
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Every review you can read, with an index</Menu.Label>
        <Menu.Item component="a" href={knowledgeBaseApi.wikiArchiveUrl('markdown')} download>Markdown files (.zip)</Menu.Item>
        <Menu.Item component="a" href={knowledgeBaseApi.wikiArchiveUrl('html')} download>HTML pages (.zip)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The knowledge base's home: what the organisation has learned from its incidents, for everyone. */
export default function KnowledgeBasePage() {
  const home = useQuery({ queryKey: queryKeys.knowledgeBase, queryFn: ({ signal }) => knowledgeBaseApi.home(signal) });
  const taxonomy = useTaxonomy();
  const labels = new Map([...(taxonomy.data?.categories ?? []), ...(taxonomy.data?.tags ?? [])].map((t) => [t.key, t.label]));
  const labelOf = (key: string) => labels.get(key) ?? key;
  const kb = home.data;

  return (
    <Page
      title="Knowledge base"
      description="Every published post-incident review, for everyone to learn from: what happened, what contributed, and what we changed."
      actions={<WikiArchiveMenu />}
      meta={kb ? <Text fz="sm" c="dimmed">{kb.published} published review{kb.published === 1 ? '' : 's'}</Text> : null}
    >
      {home.isError && <QueryError error={home.error} onRetry={() => void home.refetch()} />}
      {home.isPending ? (
        <Center py={80}><Loader size="sm" /></Center>
      ) : !kb ? null : kb.published === 0 ? (
        <Card withBorder p={0}>
          <EmptyState py={56} variant="light" icon={<IconBooks size={26} />} title="Nothing published yet" description="A review joins the knowledge base when it is published, the last step of its workflow." />
        </Card>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <ThisMonth thisMonth={kb.thisMonth} />
              <Stack gap="sm" component="section" aria-labelledby="kb-recent">
                <Title order={2} fz="lg" id="kb-recent">Recently published</Title>
                {kb.recent.map((review) => <ReviewCard key={review.reviewId} review={review} labelOf={labelOf} />)}
              </Stack>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Panel title="Most read" icon={<IconEye size={20} color="var(--mantine-color-hindsight-7)" />} testId="kb-most-read">
                {kb.mostRead.length === 0 ? <Text fz="sm" c="dimmed">No reads counted yet.</Text> : (
                  <List type="ordered" spacing={6} size="sm">
                    {kb.mostRead.map(({ review, reads }) => (
                      <List.Item key={review.reviewId}>
                        <Group gap={6} wrap="nowrap" justify="space-between">
                          <ReviewLink review={review} />
                          <Text fz="xs" c="dimmed" style={{ flexShrink: 0 }}>{reads} read{reads === 1 ? '' : 's'}</Text>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Panel>
              <Panel title="By service" icon={<IconServer size={20} color="var(--mantine-color-hindsight-7)" />} testId="kb-by-service">
                <Groups groups={kb.byService.map((g) => ({ key: g.service, label: g.service, reviews: g.reviews, latest: g.latest }))} empty="No services named yet." />
              </Panel>
              <Panel title="By factor category" icon={<IconCategory size={20} color="var(--mantine-color-hindsight-7)" />} testId="kb-by-category">
                <Groups groups={kb.byCategory.map((g) => ({ key: g.category, label: g.label, reviews: g.reviews, latest: g.latest }))} empty="No categorised factors yet." />
              </Panel>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}
