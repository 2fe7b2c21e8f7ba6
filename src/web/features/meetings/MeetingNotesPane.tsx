import { Paper, Stack, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The scribe's notes beside the meeting: the review's notes pad (features/notes), titled with who scribes. */
export function MeetingNotesPane({ reviewId, scribe, children }: { reviewId: number; scribe: string | null; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="meeting-notes-pane" data-review-id={reviewId}>
      <Stack gap={6}>
        <Text fz="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
          <IconNotes size={13} style={{ verticalAlign: -2, marginRight: 4 }} />
          Notes{scribe ? ` · ${scribe} is the scribe` : ''}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
