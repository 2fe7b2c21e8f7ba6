import { Text, Tooltip, type TextProps } from '@mantine/core';
import { formatDate } from '../../ui/format.js';
import { useLastTold } from './use-live.js';

/** What someone else last changed on this page ("Priya Shah edited the summary"), so a missed notice can still be read. */
export function LastActivity({ reviewId = null, incidentId = null, ...props }: { reviewId?: number | null; incidentId?: number | null } & TextProps) {
  const told = useLastTold(reviewId, incidentId);
  if (!told) return null;
  return (
    <Tooltip label={`${told.text} at ${formatDate(told.at, 'timeSeconds')}`}>
      <Text fz="xs" c="dimmed" truncate data-testid="last-activity" {...props}>
        {told.text}
      </Text>
    </Tooltip>
  );
}
