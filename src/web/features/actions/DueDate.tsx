import { Badge, Stack, Text } from '@mantine/core';
import type { ActionItem } from '../../../shared/actions/action-item.schema.js';
import { formatDueDate } from './action-meta.js';

/** An item's due date, red with an "Overdue" badge under it when past due and still open. */
export function DueDate({ item }: { item: Pick<ActionItem, 'dueDate' | 'overdue'> }) {
  return (
    <Stack gap={2} align="flex-start">
      <Text fz="sm" className="hs-tabular" c={item.overdue ? 'red.9' : item.dueDate ? undefined : 'dimmed'} fw={item.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} title={item.dueDate ? `Due by the end of ${item.dueDate} in the organisation's calendar` : undefined}>
        {formatDueDate(item.dueDate)}
      </Text>
      {item.overdue && (
        <Badge size="xs" color="red" variant="filled">
          Overdue
        </Badge>
      )}
    </Stack>
  );
}
