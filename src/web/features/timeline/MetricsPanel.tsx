import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconHelpCircle } from '@tabler/icons-react';
import { formatDuration } from '../../../shared/reviews/review-metrics.js';
import type { Metric } from '../../api/timeline.js';
import { formatDate } from '../../ui/format.js';
import { useMetrics } from './use-timeline.js';
import { warningText } from '../../ui/colors.js';

function MetricTile({ metric }: { metric: Metric }) {
  const tone = metric.status === 'known' ? undefined : metric.status === 'unknown' ? 'gray.0' : 'orange.0';
  return (
    <Paper withBorder p="sm" radius="md" bg={tone} data-testid={`metric-${metric.key}`} data-status={metric.status}>
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {metric.label}
      </Text>
      {metric.status === 'known' ? (
        <>
          <Tooltip label={`${formatDate(metric.from, 'datetimeSeconds')} → ${formatDate(metric.to, 'datetimeSeconds')}`}>
            <Text fz={22} fw={700} className="hs-tabular" tabIndex={0} w="fit-content">
              {formatDuration(metric.milliseconds)}
            </Text>
          </Tooltip>
          {metric.derivedFromTimeline && (
            <Badge size="xs" variant="outline" color="gray">
              from the timeline
            </Badge>
          )}
        </>
      ) : (
        <>
          <Group gap={6} mt={2}>
            {metric.status === 'unknown' ? <IconHelpCircle size={18} color="var(--mantine-color-gray-6)" /> : <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" />}
            <Text fz="md" fw={650} c={metric.status === 'unknown' ? 'gray.7' : warningText}>
              {metric.status === 'unknown' ? 'Unknown' : 'Contradictory'}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed" mt={2}>
            {metric.reason}
          </Text>
        </>
      )}
    </Paper>
  );
}

/** F6: time to detect, respond, mitigate, resolve; what is unknown or contradictory says why. */
export function MetricsPanel({ incidentId }: { incidentId: number }) {
  const metrics = useMetrics(incidentId);
  if (metrics.isPending) return <Skeleton h={96} radius="md" />;
  if (metrics.isError) return <Text c="red" fz="sm">Metrics could not be computed: {metrics.error.message}</Text>;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" data-testid="metrics">
        {metrics.data.items.map((m) => (
          <MetricTile key={m.key} metric={m} />
        ))}
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        Measured from when impact started, using the incident’s key timestamps; a missing one falls back to the first timeline entry of its
        kind (signal, detection, escalation, mitigation, resolution).
      </Text>
    </Stack>
  );
}
