import { Anchor, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Attachment } from '../../../shared/attachments/attachment.schema.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

const kib = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KiB`);

/** Files kept with the review (an imported postmortem's original text), to download; nothing when there are none. */
export function ReviewAttachments({ reviewId }: { reviewId: number }) {
  const attachments = useQuery({
    queryKey: [...queryKeys.reviews, reviewId, 'attachments'],
    queryFn: ({ signal }) => api.get<{ items: Attachment[] }>(`/api/reviews/${reviewId}/attachments`, undefined, signal),
    enabled: reviewId > 0,
  });
  const items = attachments.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Group gap="sm" aria-label="Attachments" role="group" className="hs-no-print">
      <IconPaperclip size={16} aria-hidden />
      <Text fz="sm" fw={600}>
        Original document
      </Text>
      {items.map((item) => (
        <Anchor key={item.id} href={`/api/reviews/${reviewId}/attachments/${item.id}`} download={item.name} fz="sm">
          {item.name} ({kib(item.size)})
        </Anchor>
      ))}
    </Group>
  );
}
