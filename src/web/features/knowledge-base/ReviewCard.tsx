import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KnowledgeBaseReview } from '../../../shared/knowledge-base/knowledge-base.schema.js';
import { SeverityBadge } from '../../ui/badges.js';
import { formatDate } from '../../ui/format.js';

export const readUrl = (reviewId: number) => `/reviews/${reviewId}/read`;

/** A published review in the knowledge base: what happened, where, what kind of factors, and when. */
export function ReviewCard({ review, labelOf }: { review: KnowledgeBaseReview; labelOf: (key: string) => string }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid="kb-review">
      <Stack gap={8}>
        <Group gap={10} wrap="nowrap" align="flex-start">
          <SeverityBadge severity={review.severity} size="sm" style={{ flexShrink: 0 }} />
          <Text component={Link} to={readUrl(review.reviewId)} className="hs-link" fw={650} fz="md" lh={1.3} lineClamp={2}>
            {review.title}
          </Text>
        </Group>
        {review.summary && (
          <Text fz="sm" c="dimmed" lineClamp={2}>
            {review.summary}
          </Text>
        )}
        <Group gap={6}>
          {review.services.map((service) => (
            <Badge key={service} size="sm" variant="outline" color="gray" tt="none">
              {service}
            </Badge>
          ))}
          {review.factorCategories.map((category) => (
            <Badge key={category} size="sm" variant="light" color="hindsight" tt="none">
              {labelOf(category)}
            </Badge>
          ))}
          {review.factorTags.map((tag) => (
            <Badge key={tag} size="sm" variant="light" color="gray" tt="none">
              #{labelOf(tag)}
            </Badge>
          ))}
        </Group>
        <Text fz="xs" c="dimmed">
          Incident #{review.incidentId} · started {formatDate(review.incidentStartedAt, 'date')} · published {formatDate(review.publishedAt, 'date')}
        </Text>
      </Stack>
    </Card>
  );
}
