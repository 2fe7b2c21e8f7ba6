import { Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';

/** When the figures were computed (the server serves its last computation for a few minutes) and a way to compute them now. */
export function FiguresAsOf({ asOf, refreshing, onRefresh }: { asOf: string; refreshing: boolean; onRefresh: () => void }) {
  const at = new Date(asOf);
  const sameDay = at.toDateString() === new Date().toDateString();
  const when = at.toLocaleString(undefined, sameDay ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <Group gap="xs" justify="flex-end" mt={-8} data-testid="trends-as-of">
      <Text fz="xs" c="dimmed">
        Figures as of {when}
      </Text>
      <Button variant="subtle" size="compact-xs" color="gray" leftSection={<IconRefresh size={12} />} loading={refreshing} onClick={onRefresh}>
        Refresh
      </Button>
    </Group>
  );
}
