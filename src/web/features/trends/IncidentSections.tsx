import { LineChart } from '@mantine/charts';
import { Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ContributorTrend, DurationMetric, DurationTrend, IncidentTrend } from '../../../shared/trends/trends.schema.js';
import type { TrendFilters } from '../../api/trends.js';
import { DrawnWhenNear } from '../../ui/DrawnWhenNear.js';
import { TrendBars } from './TrendBars.js';
import { cell, ChartCard, NumbersTable, Stat } from './ChartCard.js';
import { clickableBars, clickedIndex, type PointRow } from './chart-points.js';
import { formatMinutes, incidentsLink } from './trend-format.js';

const severityColors = { sev1: 'red.7', sev2: 'orange.6', sev3: 'yellow.5', sev4: 'gray.5' } as const;
const metricLabels: Record<DurationMetric, string> = {
  detect: 'Time to detect',
  respond: 'Time to respond',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
  gap: 'Detection → response',
};
const categoryColors = ['indigo.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'blue.4'];

export function IncidentsBySeverity({ trend, filters }: { trend: IncidentTrend; filters: TrendFilters }) {
  const navigate = useNavigate();
  const data: PointRow[] = trend.buckets.map((bucket, index) => ({ period: bucket.label, index, ...Object.fromEntries(trend.series.map((s) => [s.severity, s.counts[index]!])) }));
  const table = {
    header: ['Period', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'Total'],
    rows: trend.buckets.map((bucket, i) => [
      cell(bucket.label),
      ...trend.series.map((s) => cell(s.counts[i]!, incidentsLink(filters, bucket, { severity: s.severity }))),
      cell(trend.totals[i]!, incidentsLink(filters, bucket)),
    ]),
  };
  const total = trend.totals.reduce((a, b) => a + b, 0);
  return (
    <ChartCard title="Incidents over time" description={`${total} incidents in the period, by severity. Select a bar to see its incidents.`} name="incidents-by-severity" table={table} testId="trend-incidents">
      <TrendBars
        h={260}
        data={data}
        dataKey="period"
        type="stacked"
        withLegend
        series={trend.series.map((s) => ({ name: s.severity, label: s.severity.toUpperCase(), color: severityColors[s.severity] }))}
        barProps={clickableBars((row, series) => void navigate(incidentsLink(filters, trend.buckets[row.index]!, { severity: series })))}
      />
    </ChartCard>
  );
}

export function Durations({ trend, filters }: { trend: DurationTrend; filters: TrendFilters }) {
  const navigate = useNavigate();
  const [metric, setMetric] = useState<DurationMetric>('resolve');
  const selected = trend.metrics.find((m) => m.metric === metric)!;
  const data = trend.buckets.map((bucket, index) => {
    const d = selected.byBucket[index]!;
    return { period: bucket.label, index, median: d.median, p90: d.p90, q1: d.q1, q3: d.q3 };
  });
  const table = {
    header: ['Period', 'Incidents', 'Lower quartile (min)', 'Median (min)', 'Upper quartile (min)', 'p90 (min)', 'Longest (min)'],
    rows: trend.buckets.map((bucket, i) => {
      const d = selected.byBucket[i]!;
      const minutes = (v: number | null) => cell(v === null ? null : Math.round(v * 10) / 10, undefined, formatMinutes(v));
      return [cell(bucket.label), cell(d.count, incidentsLink(filters, bucket)), minutes(d.q1), minutes(d.median), minutes(d.q3), minutes(d.p90), minutes(d.max)];
    }),
  };
  return (
    <ChartCard
      title="Time to detect, respond, mitigate and resolve"
      description="Durations are heavy-tailed, so each period shows its median, quartiles and 90th percentile, never an average. Measured from the start of impact (or detection when impact's start is unknown)."
      name={`durations-${metric}`}
      table={table}
      testId="trend-durations"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          {trend.metrics.map((m) => (
            <Stat key={m.metric} label={metricLabels[m.metric]} value={formatMinutes(m.overall.median)} hint={`p90 ${formatMinutes(m.overall.p90)} · ${m.overall.count} incidents`} color={m.metric === metric ? 'indigo.7' : undefined} />
          ))}
        </SimpleGrid>
        <Group justify="space-between">
          <SegmentedControl size="xs" value={metric} onChange={(v) => setMetric(v as DurationMetric)} data={trend.metrics.map((m) => ({ value: m.metric, label: metricLabels[m.metric] }))} aria-label="Duration" />
          <Text fz="xs" c="dimmed">
            Select a period to see its incidents
          </Text>
        </Group>
        <DrawnWhenNear height={240}>
          <LineChart
            h={240}
            data={data}
            dataKey="period"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            connectNulls={false}
            valueFormatter={formatMinutes}
            yAxisProps={{ tickFormatter: (v: number) => formatMinutes(v) }}
            series={[
              { name: 'p90', label: '90th percentile', color: 'red.5', strokeDasharray: '5 4' },
              { name: 'q3', label: 'Upper quartile', color: 'gray.5', strokeDasharray: '2 3' },
              { name: 'median', label: 'Median', color: 'indigo.6' },
              { name: 'q1', label: 'Lower quartile', color: 'gray.5', strokeDasharray: '2 3' },
            ]}
            lineChartProps={{
              onClick: (state: unknown) => {
                const index = clickedIndex(state);
                if (index !== null && trend.buckets[index]) void navigate(incidentsLink(filters, trend.buckets[index]));
              },
              style: { cursor: 'pointer' },
            }}
            tooltipAnimationDuration={100}
          />
        </DrawnWhenNear>
      </Stack>
    </ChartCard>
  );
}

export function Contributors({ trend, filters }: { trend: ContributorTrend; filters: TrendFilters }) {
  const navigate = useNavigate();
  const top = trend.categories.slice(0, categoryColors.length);
  const data: PointRow[] = trend.buckets.map((bucket, index) => ({ period: bucket.label, index, ...Object.fromEntries(top.map((c) => [c.name, c.counts[index]!])) }));
  const table = {
    header: ['Contributor category or tag', 'Kind', 'Incidents', 'Recurs', ...trend.buckets.map((b) => b.label)],
    rows: [
      ...trend.categories.map((c) => [cell(c.label), cell('category'), cell(c.incidents, incidentsLink(filters, null, { category: c.name })), cell(c.recurs ? 'yes' : 'no'), ...c.counts.map((n, i) => cell(n, incidentsLink(filters, trend.buckets[i]!, { category: c.name })))]),
      ...trend.tags.map((t) => [cell(t.label), cell('tag'), cell(t.incidents), cell(t.recurs ? 'yes' : 'no'), ...t.counts.map((n) => cell(n))]),
    ],
  };
  const tagsHeight = Math.max(120, Math.min(10, trend.tags.length) * 24 + 30);
  const byService = {
    header: ['Service', 'Category', 'Incidents'],
    rows: trend.byService.slice(0, 12).map((row) => [cell(row.service), cell(row.category), cell(row.incidents, incidentsLink(filters, null, { service: row.service, category: row.category }))]),
  };
  return (
    <ChartCard
      title="Contributors that recur"
      description="Incidents with a contributor of each category, per period; the tags seen most, and the categories by service."
      name="contributors"
      table={table}
      testId="trend-contributors"
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <TrendBars
          h={260}
          data={data}
          dataKey="period"
          type="stacked"
          withLegend
          series={top.map((c, i) => ({ name: c.name, label: c.label, color: categoryColors[i]! }))}
          barProps={clickableBars((row, series) => void navigate(incidentsLink(filters, trend.buckets[row.index]!, { category: series })))}
        />
        <Stack gap="md">
          <TrendBars
            h={tagsHeight}
            data={trend.tags.slice(0, 10).map((t) => ({ tag: t.label, incidents: t.incidents }))}
            dataKey="tag"
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            series={[{ name: 'incidents', label: 'Incidents', color: 'teal.6' }]}
          />
          {byService.rows.length > 0 && <NumbersTable table={byService} />}
        </Stack>
      </SimpleGrid>
    </ChartCard>
  );
}
