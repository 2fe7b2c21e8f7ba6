import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SummaryState } from '../../../shared/sharing/external-summary.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { sharingApi } from '../../api/sharing.js';
import { Timestamp } from '../../ui/Timestamp.js';

const stateColors: Record<SummaryState, string> = { active: 'teal', expired: 'gray', revoked: 'red' };

/** The review's external summaries: state, expiry, the Markdown file, and revoking an active link. */
export function ExternalSummariesList({ reviewId, canWrite }: { reviewId: number; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.externalSummaries(reviewId), queryFn: ({ signal }) => sharingApi.list(reviewId, signal) });
  const revoke = useMutation({
    mutationFn: (summaryId: number) => sharingApi.revoke(reviewId, summaryId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.externalSummaries(reviewId) }),
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: error.message }),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return <Text fz="sm" c="dimmed">Not shared outside yet.</Text>;
  return (
    <Stack gap={6} data-testid="external-summaries">
      {items.map((s) => (
        <Group key={s.id} justify="space-between" wrap="nowrap" data-testid="external-summary">
          <Group gap="xs" wrap="nowrap">
            <Badge color={stateColors[s.state]} variant="light" data-testid="external-summary-state">{s.state}</Badge>
            <Text fz="sm">
              By {s.createdBy.name}, <Timestamp value={s.createdAt} fz="sm" /> · {s.state === 'revoked' ? 'revoked' : s.state === 'expired' ? 'expired' : 'expires'}{' '}
              <Timestamp value={s.revokedAt ?? s.expiresAt} fz="sm" />
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Anchor href={sharingApi.markdownUrl(reviewId, s.id)} download fz="sm">Markdown</Anchor>
            <Anchor href={sharingApi.pdfUrl(reviewId, s.id)} download fz="sm">PDF</Anchor>
            {canWrite && s.state === 'active' && (
              <Button size="compact-sm" color="red" variant="subtle" loading={revoke.isPending && revoke.variables === s.id} onClick={() => revoke.mutate(s.id)}>
                Revoke
              </Button>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
