import { Alert, Badge, Button, Center, Code, Drawer, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { JobDetail } from '../../../shared/jobs/job.schema.js';
import { jobsApi } from '../../api/jobs.js';
import { queryKeys } from '../../api/query-keys.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { canRetry, jobStateColor, jobStateLabel, shownState } from './job-meta.js';
import { JOBS_REFRESH_MS, type useRetryJob } from './use-jobs.js';

function Facts({ job }: { job: JobDetail }) {
  const rows: Array<[string, ReactNode]> = [
    ['Attempts', `${job.attempts} of ${job.maxAttempts}`],
    [job.finishedAt ? 'Last due' : 'Runs', <Timestamp key="run" value={job.runAt} format="datetimeSeconds" />],
    ['Enqueued', <Timestamp key="created" value={job.createdAt} format="datetimeSeconds" />],
    ['Finished', <Timestamp key="finished" value={job.finishedAt} format="datetimeSeconds" empty="not yet" />],
    ['Worker', job.worker ? <Code key="worker">{job.worker}</Code> : <Text key="worker" span c="dimmed" fz="sm">none yet</Text>],
    ['Idempotency key', <Code key="key" style={{ wordBreak: 'break-all' }}>{job.idempotencyKey}</Code>],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td fz="sm">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function JobBody({ job, retry }: { job: JobDetail; retry: ReturnType<typeof useRetryJob> }) {
  const state = shownState(job);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Badge size="lg" color={jobStateColor[state]} variant={state === 'dead' ? 'filled' : 'light'}>{jobStateLabel[state]}</Badge>
        {canRetry(job) && (
          <Button leftSection={<IconRefresh size={16} />} loading={retry.isPending} onClick={() => retry.mutate(job.id)}>
            Retry now
          </Button>
        )}
      </Group>
      {job.lastError && (
        <Alert color={job.state === 'done' ? 'gray' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />} title={`Attempt ${job.lastError.attempt} failed`} data-testid="job-last-error">
          <Stack gap={6}>
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{job.lastError.message}</Text>
            <Timestamp value={job.lastError.at} format="datetimeSeconds" fz="xs" c="dimmed" />
            {job.lastError.stack && (
              <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {job.lastError.stack}
              </Code>
            )}
          </Stack>
        </Alert>
      )}
      <Facts job={job} />
      <Stack gap={4}>
        <Title order={4} fz="sm">Payload</Title>
        <Code block fz="xs">{JSON.stringify(job.payload, null, 2)}</Code>
      </Stack>
      <Stack gap={4}>
        <Title order={4} fz="sm">Completed steps</Title>
        {job.steps.length ? (
          <List size="sm" spacing={2}>
            {job.steps.map((step) => (
              <List.Item key={step.step}>
                <Code>{step.step}</Code> <Timestamp value={step.at} format="datetimeSeconds" fz="xs" c="dimmed" />
              </List.Item>
            ))}
          </List>
        ) : (
          <Text fz="sm" c="dimmed">None recorded. A retry repeats no step listed here.</Text>
        )}
      </Stack>
    </Stack>
  );
}

/** One job in full: its last error with the stack, payload, completed steps, and a retry. */
export function JobDrawer({ id, onClose, retry }: { id: number | null; onClose: () => void; retry: ReturnType<typeof useRetryJob> }) {
  const job = useQuery({
    queryKey: queryKeys.job(id ?? 0),
    queryFn: ({ signal }) => jobsApi.get(id!, signal),
    enabled: id !== null,
    refetchInterval: JOBS_REFRESH_MS,
  });
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={<Text fw={700} ff="monospace">{job.data ? `${job.data.kind} #${job.data.id}` : `Job #${id ?? ''}`}</Text>}>
      {job.isError ? (
        <QueryError error={job.error} onRetry={() => void job.refetch()} />
      ) : job.data ? (
        <JobBody job={job.data} retry={retry} />
      ) : (
        <Center py={40}><Loader size="sm" /></Center>
      )}
    </Drawer>
  );
}
