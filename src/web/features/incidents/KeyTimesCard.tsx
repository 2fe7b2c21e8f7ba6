import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBellRinging, IconBolt, IconCheck, IconHandStop, IconShieldCheck } from '@tabler/icons-react';
import { keyTimestamps, type Incident } from '../../../shared/incidents/incident.schema.js';
import { formatDuration } from '../../../shared/reviews/review-metrics.js';
import { formatDate } from '../../ui/format.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { keyTimeLabels } from './KeyTimesFields.js';

const icons = {
  impactStartedAt: IconBolt,
  detectedAt: IconBellRinging,
  respondedAt: IconHandStop,
  mitigatedAt: IconShieldCheck,
  resolvedAt: IconCheck,
};

const shortLabels = { ...keyTimeLabels, impactStartedAt: 'Impact', respondedAt: 'Responded' };

/** The five key moments left to right, each with the time elapsed since impact started. */
export function KeyTimesCard({ incident }: { incident: Incident }) {
  const start = incident.impactStartedAt ? Date.parse(incident.impactStartedAt) : null;
  return (
    <Card>
      <Title order={3} mb="md">
        Key timestamps
      </Title>
      {/* As many columns as fit whole labels: five on a wide page, fewer beside a sidebar at 1,024 pixels. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))', gap: 'var(--mantine-spacing-sm)' }}>
        {keyTimestamps.map((key) => {
          const Icon = icons[key];
          const value = incident[key];
          const since = value && start !== null && key !== 'impactStartedAt' ? Date.parse(value) - start : null;
          return (
            <Stack key={key} gap={2} style={{ borderTop: `3px solid var(--mantine-color-${value ? 'hindsight-5' : 'gray-3'})`, paddingTop: 10 }}>
              <Group gap={6} wrap="nowrap" mb={4}>
                <ThemeIcon size={20} radius="xl" variant={value ? 'light' : 'default'}>
                  <Icon size={12} />
                </ThemeIcon>
                <Text fz={11} fw={700} c="dimmed" tt="uppercase" lts={0.3} lineClamp={1}>
                  {shortLabels[key]}
                </Text>
              </Group>
              {value ? (
                <>
                  <Timestamp value={value} format="time" fz="lg" fw={700} />
                  <Text fz="xs" c="dimmed">
                    {formatDate(value, 'date')}
                    {since !== null && (
                      <Text span fz="xs" c={since < 0 ? 'red' : 'hindsight.7'} fw={600}>
                        {since < 0 ? ' · before impact started' : ` · +${formatDuration(since)}`}
                      </Text>
                    )}
                  </Text>
                </>
              ) : (
                <Text fz="sm" c="dimmed" data-testid={`key-time-${key}-unknown`}>
                  {key === 'mitigatedAt' && incident.resolvedAt ? 'Not recorded: time to mitigate unknown' : 'Not recorded'}
                </Text>
              )}
            </Stack>
          );
        })}
      </div>
    </Card>
  );
}
