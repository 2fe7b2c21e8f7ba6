import { Anchor, Badge, Group, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { Link } from 'react-router';
import { actionItemClasses } from '../../../shared/actions/action-item.schema.js';
import type { ActionItemTrend, BacklogHealth, ReviewDeadlineTrend } from '../../../shared/trends/trends.schema.js';
import type { TrendFilters } from '../../api/trends.js';
import { TrendBars } from './TrendBars.js';
import { cell, ChartCard, NumbersTable, Stat } from './ChartCard.js';
import { clickableBars, type PointRow } from './chart-points.js';
import { formatDays, incidentsLink } from './trend-format.js';

const classColors = { detect: 'blue.6', diagnose: 'cyan.6', mitigate: 'teal.6', resolve: 'green.6', prevent: 'violet.6', unclassified: 'gray.4' } as const;

export function ReviewDeadlines({ trend }: { trend: ReviewDeadlineTrend }) {
  const data = trend.buckets.map((bucket, index) => ({ period: bucket.label, index, met: trend.rows[index]!.met, late: trend.rows[index]!.late, pending: trend.rows[index]!.pending }));
  const totals = trend.rows.reduce((sum, row) => ({ due: sum.due + row.due, met: sum.met + row.met, late: sum.late + row.late }), { due: 0, met: 0, late: 0 });
  const decided = totals.met + totals.late;
  const table = {
    header: ['Period (deadline)', 'Due', 'Met', 'Late', 'Pending', 'Median days late', 'p90 days late'],
    rows: trend.buckets.map((bucket, i) => {
      const row = trend.rows[i]!;
      const days = (v: number | null) => cell(v === null ? null : Math.round(v * 10) / 10, undefined, formatDays(v));
      return [cell(bucket.label), cell(row.due), cell(row.met), cell(row.late), cell(row.pending), days(row.daysLate.median), days(row.daysLate.p90)];
    }),
  };
  return (
    <ChartCard title="Review deadlines" description="Reviews by the period of their deadline: published in time, late (published after it, or still open past it), or not yet due." name="review-deadlines" table={table} testId="trend-deadlines">
      <Stack gap="md">
        <Group gap={48}>
          <Stat label="Deadlines met" value={decided ? `${Math.round((100 * totals.met) / decided)}%` : '–'} hint={`${totals.met} of ${decided} decided`} />
          <Stat label="Late" value={String(totals.late)} hint="published late or still open past the deadline" />
        </Group>
        <TrendBars
          h={220}
          data={data}
          dataKey="period"
          type="stacked"
          withLegend
          series={[
          { name: 'met', label: 'Met', color: 'teal.6' },
          { name: 'late', label: 'Late', color: 'red.6' },
          { name: 'pending', label: 'Not yet due', color: 'gray.4' },
          ]}
        />
      </Stack>
    </ChartCard>
  );
}

export function ActionItems({ trend, filters }: { trend: ActionItemTrend; filters: TrendFilters }) {
  const navigate = useNavigate();
  const data: PointRow[] = trend.buckets.map((bucket, index) => ({ period: bucket.label, index, created: trend.created[index]!, done: trend.done[index]! }));
  const table = {
    header: ['Period', 'Created', 'Done'],
    rows: trend.buckets.map((bucket, i) => [cell(bucket.label), cell(trend.created[i]!), cell(trend.done[i]!)]),
  };
  const owners = {
    header: ['Owner', 'Open', 'Overdue', 'Done in period'],
    rows: trend.byOwner.slice(0, 10).map((row) => [cell(row.owner ?? 'Unassigned'), cell(row.open), cell(row.overdue), cell(row.done)]),
  };
  const services = {
    header: ['Service', 'Open', 'Overdue', 'Done in period'],
    rows: trend.byService.slice(0, 10).map((row) => [cell(row.service, incidentsLink(filters, null, { service: row.service })), cell(row.open), cell(row.overdue), cell(row.done)]),
  };
  return (
    <ChartCard title="Action items" description="Created and done per period (of the incidents in the filters); the open ones by age, by owner and by service." name="action-items" table={{ header: [...table.header], rows: table.rows }} testId="trend-action-items">
      <Stack gap="md">
        <Group gap={48}>
          <Stat label="Open" value={String(trend.open)} />
          <Stat label="Overdue" value={String(trend.overdue)} color={trend.overdue ? 'red.7' : undefined} hint={trend.open ? `${Math.round((100 * trend.overdue) / trend.open)}% of open items` : undefined} />
        </Group>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <TrendBars
            h={220}
            data={data}
            dataKey="period"
            withLegend
            series={[
            { name: 'created', label: 'Created', color: 'indigo.5' },
            { name: 'done', label: 'Done', color: 'teal.6' },
            ]}
            barProps={clickableBars((row) => void navigate(incidentsLink(filters, trend.buckets[row.index]!)))}
            maxBarWidth={28}
          />
          <TrendBars
            h={220}
            data={trend.openByAge.map((band) => ({ age: band.label, items: band.count }))}
            dataKey="age"
            series={[{ name: 'items', label: 'Open items', color: 'orange.6' }]}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <NumbersTable table={owners} />
          <NumbersTable table={services} />
        </SimpleGrid>
      </Stack>
    </ChartCard>
  );
}

export function Backlog({ health, workingDays, onWorkingDays }: { health: BacklogHealth; workingDays: number; onWorkingDays: (days: number) => void }) {
  const classes = [...actionItemClasses, 'unclassified'] as const;
  const table = {
    header: ['Open for', ...classes],
    rows: health.byAgeAndClass.map((band) => [cell(band.label), ...classes.map((c) => cell(band[c]))]),
  };
  return (
    <ChartCard
      title="Follow-up backlog health"
      description="Open action items today by age and by what they improve (detect, diagnose, mitigate, resolve, prevent); who holds the most overdue items; what has been open too long."
      name="backlog"
      table={table}
      testId="trend-backlog"
      aside={
        <NumberInput size="xs" w={150} min={1} max={1000} value={workingDays} onChange={(v) => typeof v === 'number' && v >= 1 && onWorkingDays(v)} aria-label="Working days" rightSection={<Text fz="xs" c="dimmed" pr={6}>working days</Text>} rightSectionWidth={90} />
      }
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <TrendBars
          h={240}
          data={health.byAgeAndClass.map((band) => ({ ...band, age: band.label }))}
          dataKey="age"
          type="stacked"
          withLegend
          series={classes.map((c) => ({ name: c, label: c === 'unclassified' ? 'No class' : c[0]!.toUpperCase() + c.slice(1), color: classColors[c] }))}
        />
        <Stack gap="sm">
          <Group gap={48}>
            <Stat label={`Open past ${health.workingDays} working days`} value={String(health.openPast.count)} color={health.openPast.count ? 'orange.8' : undefined} />
          </Group>
          {health.owners.length > 0 && (
            <NumbersTable table={{ header: ['Owner', 'Overdue', 'Open'], rows: health.owners.slice(0, 6).map((o) => [cell(o.owner ?? 'Unassigned'), cell(o.overdue), cell(o.open)]) }} />
          )}
        </Stack>
      </SimpleGrid>
      {health.openPast.oldest.length > 0 && (
        <Table.ScrollContainer minWidth={500} mt="md">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Oldest open items</Table.Th>
                <Table.Th>Incident</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Class</Table.Th>
                <Table.Th ta="right">Opened</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {health.openPast.oldest.slice(0, 8).map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reviews/${item.reviewId}`} fz="sm" lineClamp={1}>
                      {item.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/incidents/${item.incidentId}`} fz="sm" c="dimmed">
                      #{item.incidentId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.owner ?? <Text span c="dimmed" fz="sm">Unassigned</Text>}</Table.Td>
                  <Table.Td>{item.class ? <Badge size="sm" variant="light" color={classColors[item.class].split('.')[0]}>{item.class}</Badge> : '–'}</Table.Td>
                  <Table.Td ta="right">{new Date(item.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TrackerMismatches tracker={health.tracker} />
    </ChartCard>
  );
}

/** Items and their tracker issues that disagree, both ways, with the oldest of each to follow up. */
function TrackerMismatches({ tracker }: { tracker: BacklogHealth['tracker'] }) {
  if (!tracker.connected) {
    return (
      <Text fz="xs" c="dimmed" mt="sm">
        Connect a tracker (<Anchor component={Link} to="/settings/trackers" fz="xs" underline="always">Settings → Trackers</Anchor>) to compare action items with their issues.
      </Text>
    );
  }
  const sides = [
    { key: 'closed', label: 'Closed in the tracker, open here', mismatch: tracker.closedInTracker },
    { key: 'open', label: 'Done or declined here, open in the tracker', mismatch: tracker.openInTracker },
  ];
  return (
    <Stack gap="xs" mt="md" data-testid="tracker-mismatches">
      <Group gap={48}>
        {sides.map((side) => (
          <Stat key={side.key} label={side.label} value={String(side.mismatch.count)} color={side.mismatch.count ? 'orange.8' : undefined} />
        ))}
      </Group>
      {sides.flatMap((side) =>
        side.mismatch.oldest.slice(0, 5).map((item) => (
          <Group key={`${side.key}-${item.id}`} gap="xs" wrap="nowrap">
            <Badge size="xs" variant="light" color="orange">
              {side.key === 'closed' ? 'closed in tracker' : `${item.status.replaceAll('_', ' ')} here`}
            </Badge>
            <Anchor component={Link} to={`/reviews/${item.reviewId}`} fz="sm" lineClamp={1}>
              {item.title}
            </Anchor>
            {item.issueUrl && (
              <Anchor href={item.issueUrl} target="_blank" rel="noreferrer" fz="xs" c="dimmed">
                {item.issueKey ?? 'issue'}
              </Anchor>
            )}
          </Group>
        )),
      )}
    </Stack>
  );
}
