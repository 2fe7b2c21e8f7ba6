import { Badge, Button, Card, Center, EmptyState, Group, Loader, Menu, Select, Table, Tabs, Text } from '@mantine/core';
import { IconBomb, IconChevronDown, IconHeartbeat, IconListCheck, IconRefresh } from '@tabler/icons-react';
import { jobStateFilters, PING_MAX_ATTEMPTS, type Job, type JobStateFilter } from '../../../shared/jobs/job.schema.js';
import { jobsApi, type JobFilters } from '../../api/jobs.js';
import { queryKeys } from '../../api/query-keys.js';
import { useCursorPages } from '../../api/use-cursor-pages.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { canRetry, jobStateColor, jobStateLabel, shownState } from './job-meta.js';
import { JobDrawer } from './JobDrawer.js';
import { JobSchedulesCard } from './JobSchedulesCard.js';
import { JOBS_REFRESH_MS, useJobSummary, usePing, useRetryJob } from './use-jobs.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { useUrlParams } from '../../ui/use-url-params.js';

/** The page's filters and the open job, kept in the URL so a link shows the same view. */
function useJobsView() {
  const { params, set } = useUrlParams();
  const state = params.get('state');
  const filters: JobFilters = {
    ...(state && (jobStateFilters as readonly string[]).includes(state) ? { state: state as JobStateFilter } : {}),
    ...(params.get('kind') ? { kind: params.get('kind')! } : {}),
  };
  const openJob = Number(params.get('job')) || null;
  return { filters, openJob, set };
}

/** When the job runs next, or when it finished. */
function JobWhen({ job }: { job: Job }) {
  if (job.finishedAt) return <Timestamp value={job.finishedAt} format="datetimeSeconds" fz="sm" />;
  if (job.state === 'running') return <Text fz="sm">running now</Text>;
  return (
    <Text fz="sm" span>
      runs <Timestamp value={job.runAt} format="relative" fz="sm" />
    </Text>
  );
}

function JobRow({ job, open, retry }: { job: Job; open: () => void; retry: ReturnType<typeof useRetryJob> }) {
  const state = shownState(job);
  return (
    <Table.Tr data-testid="job-row" data-job-id={job.id} onClick={open} style={{ cursor: 'pointer' }}>
      <Table.Td>
        <Text fz="sm" ff="monospace" fw={600}>{job.kind}</Text>
        <Text fz="xs" c="dimmed">#{job.id}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={jobStateColor[state]} variant={state === 'dead' ? 'filled' : 'light'}>{jobStateLabel[state]}</Badge>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" className="hs-tabular">{job.attempts} of {job.maxAttempts}</Text>
      </Table.Td>
      <Table.Td><JobWhen job={job} /></Table.Td>
      <Table.Td maw={380}>
        {job.lastError ? (
          <Text fz="sm" c={job.state === 'done' ? 'dimmed' : 'red.8'} lineClamp={2} title={job.lastError.message} data-testid="job-error">
            {job.lastError.message}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">—</Text>
        )}
      </Table.Td>
      <Table.Td onClick={(event) => event.stopPropagation()}>
        {canRetry(job) && (
          <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} />} loading={retry.isPending && retry.variables === job.id} onClick={() => retry.mutate(job.id)} aria-label={`Retry job ${job.id}`}>
            Retry
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function PingButton() {
  const ping = usePing();
  return (
    <Group gap={0} wrap="nowrap">
      <Button leftSection={<IconHeartbeat size={16} />} onClick={() => ping.mutate(0)} loading={ping.isPending} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}>
        Ping the worker
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button aria-label="More ways to test the worker" px={8} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid rgba(255,255,255,0.35)' }}>
            <IconChevronDown size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconBomb size={14} />} onClick={() => ping.mutate(PING_MAX_ATTEMPTS)}>
            Failure drill: a ping that fails {PING_MAX_ATTEMPTS} times
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** Admins: the work that runs after changes commit, what failed and why, and retrying it. */
export default function JobsPage() {
  const { filters, openJob, set } = useJobsView();
  const summary = useJobSummary();
  const retry = useRetryJob();
  const { query, items } = useCursorPages(queryKeys.jobList(filters), (cursor, signal) => jobsApi.list(filters, cursor, signal), { refetchInterval: JOBS_REFRESH_MS });
  const counts = summary.data?.counts;

  return (
    <Page
      title="Jobs"
      description="Work that runs after a change commits. A failed job is retried with growing pauses; when it runs out of attempts it stays here, dead, with its last error, until you retry it."
      actions={<PingButton />}
    >
      {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Tabs value={filters.state ?? 'all'} onChange={(value) => set({ state: value === 'all' ? null : value })} variant="pills" radius="md">
          <Tabs.List aria-label="Jobs by state">
            <Tabs.Tab value="all">All</Tabs.Tab>
            {jobStateFilters.map((state) => (
              <Tabs.Tab
                key={state}
                value={state}
                rightSection={
                  <Badge size="sm" circle={false} color={jobStateColor[state]} variant={state === 'dead' && counts?.dead ? 'filled' : 'light'} data-testid={`count-${state}`}>
                    {counts?.[state] ?? '…'}
                  </Badge>
                }
              >
                {jobStateLabel[state]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Select
          aria-label="Kind of job"
          placeholder="Every kind"
          data={summary.data?.kinds ?? []}
          value={filters.kind ?? null}
          onChange={(kind) => set({ kind })}
          clearable
          w={220}
        />
      </Group>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <Center py={60}><Loader size="sm" /></Center>
        ) : items.length === 0 ? (
          <EmptyState py={56} variant="light" icon={<IconListCheck size={26} />} title={filters.state || filters.kind ? 'No jobs match' : 'No jobs yet'} description="Jobs appear here as changes are made and schedules come due. Ping the worker to check that one is running." />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Job</Table.Th>
                  <Table.Th w={110}>State</Table.Th>
                  <Table.Th w={100}>Attempts</Table.Th>
                  <Table.Th w={170}>When</Table.Th>
                  <Table.Th>Last error</Table.Th>
                  <Table.Th w={100} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((job) => <JobRow key={job.id} job={job} open={() => set({ job: String(job.id) })} retry={retry} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={query} />
      {summary.data && <JobSchedulesCard schedules={summary.data.schedules} />}
      <JobDrawer id={openJob} onClose={() => set({ job: null })} retry={retry} />
    </Page>
  );
}
