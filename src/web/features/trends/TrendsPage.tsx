import '@mantine/charts/styles.css';
import { Button, Chip, Group, Paper, SegmentedControl, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendar, IconTag, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { severities } from '../../../shared/incidents/incident.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { trendsApi, type TrendFilters } from '../../api/trends.js';
import { DrawnWhenNear } from '../../ui/DrawnWhenNear.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { useUrlParams } from '../../ui/use-url-params.js';
import { ServiceFilter } from '../incidents/ServiceFilter.js';
import { TeamSelect } from '../teams/TeamSelect.js';
import { ActionItems, Backlog, ReviewDeadlines } from './FollowUpSections.js';
import { FiguresAsOf } from './FiguresAsOf.js';
import { Contributors, Durations, IncidentsBySeverity } from './IncidentSections.js';

const DEFAULT_WORKING_DAYS = 20;

/** The page's filters live in its URL, so a view can be shared and survives a reload. */
function useTrendFilters() {
  const { params, set, clear } = useUrlParams();
  const filters = useMemo<TrendFilters>(() => {
    const f: TrendFilters = {};
    for (const key of ['from', 'to', 'interval', 'service', 'label', 'team'] as const) {
      const value = params.get(key)?.trim();
      if (value) f[key] = value;
    }
    const severity = (params.get('severity') ?? '').split(',').filter(Boolean);
    if (severity.length) f.severity = severity;
    return f;
  }, [params]);
  const workingDays = Number(params.get('workingDays')) || DEFAULT_WORKING_DAYS;
  return { filters, workingDays, set, clear, active: Object.keys(filters).length > 0 };
}

/** A day of the period, its name inside the field so the filter bar stays one line of equal fields. */
function DateField({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string) => void }) {
  return (
    <TextInput
      type="date"
      aria-label={label}
      leftSection={
        <Group gap={4} wrap="nowrap" pl={8}>
          <IconCalendar size={14} />
          <Text fz="xs" c="dimmed">
            {label}
          </Text>
        </Group>
      }
      leftSectionWidth={66}
      leftSectionPointerEvents="none"
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={200}
    />
  );
}

function Filters({ filters, set, clear, active }: Pick<ReturnType<typeof useTrendFilters>, 'filters' | 'set' | 'clear' | 'active'>) {
  return (
    <Paper withBorder p="sm" radius="lg" role="search" aria-label="Filter trends">
      <Group gap="md" wrap="wrap" align="center">
        <SegmentedControl
          aria-label="Interval"
          value={filters.interval ?? 'month'}
          onChange={(v) => set({ interval: v === 'month' ? null : v })}
          data={[
            { value: 'week', label: 'Weeks' },
            { value: 'month', label: 'Months' },
            { value: 'quarter', label: 'Quarters' },
          ]}
        />
        <DateField label="From" value={filters.from} onChange={(from) => set({ from })} />
        <DateField label="To" value={filters.to} onChange={(to) => set({ to })} />
        <ServiceFilter value={filters.service ?? ''} onChange={(v) => set({ service: v })} />
        <TeamSelect value={filters.team ?? null} onChange={(team) => set({ team })} />
        <TextInput aria-label="Label" placeholder="Label" leftSection={<IconTag size={16} />} w={150} defaultValue={filters.label ?? ''} onBlur={(e) => set({ label: e.currentTarget.value.trim() })} onKeyDown={(e) => e.key === 'Enter' && set({ label: e.currentTarget.value.trim() })} />
        <Group gap={8} role="group" aria-labelledby="trend-severity">
          <Text id="trend-severity" fz="xs" fw={600} c="dimmed" tt="uppercase">
            Severity
          </Text>
          <Chip.Group multiple value={filters.severity ?? []} onChange={(v) => set({ severity: v.join(',') })}>
            {severities.map((s) => (
              <Chip key={s} value={s} size="xs" variant="outline" color={s === 'sev1' ? 'red' : s === 'sev2' ? 'orange' : undefined}>
                {s.toUpperCase()}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        {active && (
          <Button variant="subtle" color="gray" size="xs" leftSection={<IconX size={14} />} onClick={clear} ml="auto">
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * A section once its data is in: a skeleton while loading, the error with a retry; drawn at once on
 * screen, else when the browser is idle or it scrolls near (DrawnWhenNear).
 */
function Loaded<T>({ query, height = 320, children }: { query: UseQueryResult<T>; height?: number; children: (data: T) => ReactNode }) {
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton h={height} radius="md" />;
  return <DrawnWhenNear height={height}>{children(query.data)}</DrawnWhenNear>;
}

/** Trends across incidents (F20) and the follow-up backlog's health (B4). */
export default function TrendsPage() {
  const { filters, workingDays, set, clear, active } = useTrendFilters();
  const options = { placeholderData: keepPreviousData, staleTime: 60_000 } as const;
  // Set while "Refresh" refetches: the server then computes the figures instead of serving its last ones.
  const current = useRef(false);
  const incidents = useQuery({ queryKey: queryKeys.trends('incidents', filters), queryFn: ({ signal }) => trendsApi.incidents(filters, signal, current.current), ...options });
  const durations = useQuery({ queryKey: queryKeys.trends('durations', filters), queryFn: ({ signal }) => trendsApi.durations(filters, signal, current.current), ...options });
  const contributors = useQuery({ queryKey: queryKeys.trends('contributors', filters), queryFn: ({ signal }) => trendsApi.contributors(filters, signal, current.current), ...options });
  const deadlines = useQuery({ queryKey: queryKeys.trends('review-deadlines', filters), queryFn: ({ signal }) => trendsApi.reviewDeadlines(filters, signal, current.current), ...options });
  const actionItems = useQuery({ queryKey: queryKeys.trends('action-items', filters), queryFn: ({ signal }) => trendsApi.actionItems(filters, signal, current.current), ...options });
  const backlogFilters = { ...filters, workingDays };
  const backlog = useQuery({ queryKey: queryKeys.trends('backlog', backlogFilters), queryFn: ({ signal }) => trendsApi.backlog(backlogFilters, signal, current.current), ...options });
  const all = [incidents, durations, contributors, deadlines, actionItems, backlog];
  const ready = all.every((q) => q.isSuccess && !q.isPlaceholderData);
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    current.current = true;
    setRefreshing(true);
    try {
      await Promise.all(all.map((q) => q.refetch()));
    } finally {
      current.current = false;
      setRefreshing(false);
    }
  };
  // The oldest figures on the page say how current the page is.
  const asOf = all.flatMap((q) => (q.data && !q.isPlaceholderData ? [q.data.asOf] : [])).sort()[0];
  const zone = incidents.data?.timeZone;
  return (
    <Page
      title="Trends"
      description={`What recurs across incidents and how the follow-up is going. Periods are calendar ${filters.interval === 'week' ? 'weeks' : filters.interval === 'quarter' ? 'quarters' : 'months'}${zone ? ` in ${zone}` : ''}; every chart has its numbers as a table and a CSV download.`}
    >
      <Stack gap="lg" data-trends-ready={ready ? 'true' : 'false'}>
        <Filters filters={filters} set={set} clear={clear} active={active} />
        {asOf && <FiguresAsOf asOf={asOf} refreshing={refreshing} onRefresh={() => void refresh()} />}
        <Loaded query={incidents}>{(trend) => <IncidentsBySeverity trend={trend} filters={filters} />}</Loaded>
        <Loaded query={durations} height={420}>{(trend) => <Durations trend={trend} filters={filters} />}</Loaded>
        <Loaded query={contributors}>{(trend) => <Contributors trend={trend} filters={filters} />}</Loaded>
        <Loaded query={deadlines}>{(trend) => <ReviewDeadlines trend={trend} />}</Loaded>
        <Loaded query={actionItems} height={480}>{(trend) => <ActionItems trend={trend} filters={filters} />}</Loaded>
        <Loaded query={backlog}>{(health) => <Backlog health={health} workingDays={workingDays} onWorkingDays={(days) => set({ workingDays: days === DEFAULT_WORKING_DAYS ? null : String(days) })} />}</Loaded>
      </Stack>
    </Page>
  );
}
