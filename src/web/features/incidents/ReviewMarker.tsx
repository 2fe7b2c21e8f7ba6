import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { OverdueBadge, ReviewStateBadge } from '../../ui/badges.js';
import { formatDueIn } from '../../ui/deadline.js';

/** What the list says about an incident's review: its state and due date, overdue, or requested. */
export function ReviewMarker({ incident }: { incident: Incident }) {
  const review = incident.review;
  if (review) {
    return (
      <Group gap={6} wrap="nowrap">
        <Link to={`/reviews/${review.id}`} aria-label={`Open review of ${incident.title}`} style={{ textDecoration: 'none' }}>
          <ReviewStateBadge state={review.state} style={{ cursor: 'pointer' }} />
        </Link>
        {review.overdue ? (
          <OverdueBadge size="sm" />
        ) : review.dueAt && review.state !== 'published' ? (
          <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={review.dueAt}>
            due {formatDueIn(review.dueAt)}
          </Text>
        ) : null}
      </Group>
    );
  }
  if (incident.labels.some((l) => l.toLowerCase() === 'review-requested')) {
    return (
      <Tooltip label="Labelled review-requested: a review is created when the incident is resolved">
        <Badge color="hindsight" variant="outline">
          Review requested
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text fz="sm" c="dimmed">
      —
    </Text>
  );
}
