import { Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { JobScheduleInfo } from '../../../shared/jobs/job.schema.js';
import { Timestamp } from '../../ui/Timestamp.js';

/** What runs on its own, when next, and when it last did. */
export function JobSchedulesCard({ schedules }: { schedules: JobScheduleInfo[] }) {
  return (
    <Card>
      <Stack gap="xs">
        <Title order={3} fz="md">Schedules</Title>
        <Text fz="sm" c="dimmed">Each run is one job, enqueued by whichever instance comes first.</Text>
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Schedule</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Next run</Table.Th>
                <Table.Th>Last run</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.map((schedule) => (
                <Table.Tr key={schedule.name} data-testid="job-schedule">
                  <Table.Td><Text fz="sm" ff="monospace" fw={600}>{schedule.name}</Text></Table.Td>
                  <Table.Td>
                    <Code>{schedule.cron}</Code> <Text span fz="xs" c="dimmed">{schedule.timeZone}</Text>
                  </Table.Td>
                  <Table.Td><Timestamp value={schedule.nextRunAt} format="datetime" fz="sm" /></Table.Td>
                  <Table.Td><Timestamp value={schedule.lastRunAt} format="datetime" fz="sm" empty="not yet" /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
