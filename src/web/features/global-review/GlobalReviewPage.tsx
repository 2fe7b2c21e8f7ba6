import { Badge, Box, Button, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconChevronLeft, IconChevronRight, IconClockExclamation, IconRepeat, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { GlobalReview } from '../../../shared/global-review/global-review.schema.js';
import { globalReviewApi } from '../../api/global-review.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { ReviewStateBadge, SeverityBadge } from '../../ui/badges.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { AgendaNotes } from './AgendaNotes.js';
import { Attendees } from './Attendees.js';

function Section({ id, title, icon, count, empty, children }: { id: string; title: string; icon: ReactNode; count: number; empty: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id} data-testid={id}>
      <Group gap={8} mb="sm" justify="space-between">
        <Group gap={8}>
          {icon}
          <Title order={2} fz="md" id={id}>{title}</Title>
        </Group>
        <Badge variant="light" color="gray" aria-label={`${count} items`}>{count}</Badge>
      </Group>
      {count === 0 ? <Text fz="sm" c="dimmed">{empty}</Text> : <Stack gap="md">{children}</Stack>}
    </Card>
  );
}

/** One agenda item: its heading line, what it is about, then its notes. */
function Item({ children, notes }: { children: ReactNode; notes: ReactNode }) {
  return (
    <Stack gap={6} pb="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      {children}
      {notes}
    </Stack>
  );
}

const sessionWhen = (review: GlobalReview) => {
  const start = new Date(review.session.startsAt);
  const end = new Date(review.session.endsAt);
  const day = start.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: review.timeZone });
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZone: review.timeZone });
  return `${day}, ${time(start)}–${time(end)} (${review.timeZone})`;
};

const sinceWords = (iso: string, timeZone: string) => new Date(iso).toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });

function Agenda({ review, canWrite }: { review: GlobalReview; canWrite: boolean }) {
  const day = review.session.day;
  const notesOf = (item: { key: string; note: GlobalReview['incidents'][number]['note'] }, about: string) => (
    <AgendaNotes key={`${item.key}-${item.note?.version ?? 0}`} day={day} item={item.key} note={item.note} canWrite={canWrite} about={about} />
  );
  return (
    <Stack gap="lg">
      <Section id="gr-incidents" title="Major incidents since the last session" icon={<IconAlertTriangle size={20} color="var(--mantine-color-red-7)" />} count={review.incidents.length} empty="No SEV1 or SEV2 incident started since the last session.">
        <Text fz="xs" c="dimmed" mt={-6}>Business impact first: customer-facing before internal, then severity, then the longest impact.</Text>
        {review.incidents.map((incident, i) => (
          <Item key={incident.key} notes={<Box pl={30}>{notesOf(incident, incident.title)}</Box>}>
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Text fw={700} c="dimmed" fz="sm" w={22} ta="right" style={{ flexShrink: 0 }}>{i + 1}.</Text>
              <SeverityBadge severity={incident.severity} />
              <Text component={Link} to={incident.reviewId ? `/reviews/${incident.reviewId}` : `/incidents/${incident.incidentId}`} className="hs-link" fw={650}>
                #{incident.incidentId} {incident.title}
              </Text>
              {incident.reviewState && <ReviewStateBadge state={incident.reviewState} />}
            </Group>
            <Text fz="sm" c="dimmed" pl={30} data-testid="gr-why">{incident.why}</Text>
            {incident.services.length > 0 && <Text fz="xs" c="dimmed" pl={30}>Services: {incident.services.join(', ')}</Text>}
          </Item>
        ))}
      </Section>

      <Section id="gr-actions" title="Overdue action items" icon={<IconClockExclamation size={20} color="var(--mantine-color-orange-8)" />} count={review.overdueActionItems.length} empty="No action item is overdue.">
        {review.overdueActionItems.map((item) => (
          <Item key={item.key} notes={notesOf(item, item.title)}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text component={Link} to={`/reviews/${item.reviewId}`} className="hs-link" fw={600}>{item.title}</Text>
              <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>{item.daysOverdue} day{item.daysOverdue === 1 ? '' : 's'} overdue</Badge>
            </Group>
            <Text fz="sm" c="dimmed">
              {item.owner ? `${item.owner.name} · ` : 'No owner · '}due {item.dueDate} · from #{item.incidentId} {item.incidentTitle}
            </Text>
          </Item>
        ))}
      </Section>

      <Section id="gr-contributors" title="Contributors that recurred" icon={<IconRepeat size={20} color="var(--mantine-color-grape-7)" />} count={review.recurringContributors.length} empty="No contributor category named since the last session has been seen before.">
        {review.recurringContributors.map((contributor) => (
          <Item key={contributor.key} notes={notesOf(contributor, contributor.label)}>
            <Text fw={650}>{contributor.label}</Text>
            <Text fz="sm" c="dimmed">
              In {contributor.incidents.length} incident{contributor.incidents.length === 1 ? '' : 's'}:{' '}
              {contributor.incidents.map((incident, i) => (
                <span key={incident.incidentId}>
                  {i > 0 && ', '}
                  <Text component={Link} to={`/incidents/${incident.incidentId}`} className="hs-link" fz="sm" span>
                    #{incident.incidentId} {incident.title}
                  </Text>
                </span>
              ))}
            </Text>
          </Item>
        ))}
      </Section>

      <Section id="gr-reviews" title="Reviews past their deadline" icon={<IconClockExclamation size={20} color="var(--mantine-color-red-7)" />} count={review.reviewsPastDeadline.length} empty="Every review is within its deadline.">
        {review.reviewsPastDeadline.map((late) => (
          <Item key={late.key} notes={notesOf(late, late.title)}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Text component={Link} to={`/reviews/${late.reviewId}`} className="hs-link" fw={600}>#{late.incidentId} {late.title}</Text>
                <ReviewStateBadge state={late.state} />
              </Group>
              <Badge color="red" variant="light" style={{ flexShrink: 0 }}>{late.daysLate} day{late.daysLate === 1 ? '' : 's'} late</Badge>
            </Group>
            <Text fz="sm" c="dimmed">{late.owner ? `Owner: ${late.owner.name}` : 'No owner yet'}</Text>
          </Item>
        ))}
      </Section>
    </Stack>
  );
}

/**
 * The global incident review (F19): the organisation's regular look across incidents. Everyone may
 * read and attend; responders write the notes and decisions.
 */
export default function GlobalReviewPage() {
  const { day = null } = useParams();
  const { canWrite } = useSession();
  const query = useQuery({ queryKey: queryKeys.globalReview(day ?? 'upcoming'), queryFn: ({ signal }) => globalReviewApi.session(day, signal) });
  const review = query.data;
  return (
    <Page
      title="Global incident review"
      description="The organisation's regular look across incidents: business impact first, then what we still owe and what keeps coming back. Open to everyone."
      actions={
        <Button component="a" href={globalReviewApi.calendarUrl} download variant="default" leftSection={<IconCalendarPlus size={16} />}>
          Add to calendar
        </Button>
      }
      meta={
        review ? (
          <Group gap="sm" wrap="wrap">
            <Badge variant="light" color={review.upcoming ? 'hindsight' : 'gray'} leftSection={<IconWorld size={12} />}>{review.upcoming ? 'Next session' : 'Held'}</Badge>
            <Text fz="sm" fw={600} data-testid="gr-when">{sessionWhen(review)}</Text>
            <Text fz="sm" c="dimmed">Incidents since {sinceWords(review.since, review.timeZone)}</Text>
          </Group>
        ) : null
      }
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending ? (
        <Center py={80}><Loader size="sm" /></Center>
      ) : review ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Agenda review={review} canWrite={canWrite} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" radius="md">
                <Group justify="space-between">
                  <Button component={Link} to={`/global-review/${review.previousDay}`} variant="subtle" size="compact-sm" leftSection={<IconChevronLeft size={14} />}>
                    Previous session
                  </Button>
                  <Button component={Link} to={`/global-review/${review.nextDay}`} variant="subtle" size="compact-sm" rightSection={<IconChevronRight size={14} />}>
                    Next session
                  </Button>
                </Group>
              </Card>
              <Card withBorder padding="lg" radius="md">
                <Group gap={8} mb="sm">
                  <IconUsersGroup size={20} color="var(--mantine-color-hindsight-7)" />
                  <Title order={2} fz="md">Attendees</Title>
                </Group>
                <Attendees key={`${review.session.day}-${review.attendeesVersion ?? 0}`} review={review} canWrite={canWrite} />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
    </Page>
  );
}
