import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queryKeys } from '../../api/query-keys.js';
import { searchApi } from '../../api/search.js';
import { Reason } from './Snippet.js';

/** F18: earlier incidents like this one, with why; nothing at all when there are none. */
export function RelatedIncidentsCard({ reviewId }: { reviewId: number }) {
  const related = useQuery({ queryKey: queryKeys.relatedIncidents(reviewId), queryFn: ({ signal }) => searchApi.related(reviewId, signal), staleTime: 60_000 });
  const items = related.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card withBorder radius="lg" padding="md" data-testid="related-incidents" component="section" aria-labelledby="related-incidents-title">
      <Title order={3} size="h5" id="related-incidents-title" mb="xs">Related incidents</Title>
      <Stack gap="sm">
        {items.map((item) => (
          <div key={item.reviewId}>
            <Anchor component={Link} to={`/reviews/${item.reviewId}/read`} size="sm" fw={600}>
              #{item.incidentId} {item.title}
            </Anchor>
            <List size="xs" c="dimmed" spacing={0}>
              {item.reasons.map((reason) => (
                <List.Item key={reason}><Text span size="xs"><Reason text={reason} /></Text></List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
