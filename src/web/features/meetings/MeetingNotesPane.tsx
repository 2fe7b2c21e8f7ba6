import { Paper, Stack, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The scribe's notes beside the meeting. The notes pad (GET/PUT /api/reviews/{id}/notes) is its own
 * feature: meeting mode shows it here when given as `children` (MeetingModePage's `notesPane`),
 * else a short placeholder. This slot is where the two meet.
 */
export function MeetingNotesPane({ reviewId, scribe, children }: { reviewId: number; scribe: string | null; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="meeting-notes-pane" data-review-id={reviewId}>
      <Stack gap={6}>
        <Text fz="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
          <IconNotes size={13} style={{ verticalAlign: -2, marginRight: 4 }} />
          Notes{scribe ? ` · ${scribe} is the scribe` : ''}
        </Text>
        {children ?? (
          <Text fz="sm" c="dimmed">
            The scribe’s notes appear here during the meeting and are kept with the review.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
