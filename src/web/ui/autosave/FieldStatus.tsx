import { Alert, Anchor, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { actorName } from '../../api/live-describe.js';
import { useSession } from '../../app/session.js';
import type { AutosavedField } from './use-autosaved-field.js';
import { warningText } from '../colors.js';

/**
 * Someone else saved this field while it was being edited here: their version is not shown in
 * place of what is typed; this says who changed it and lets the user load theirs or compare.
 */
export function IncomingChange<T>({ field, label }: { field: AutosavedField<T>; label: string }) {
  const { user } = useSession();
  if (!field.incoming) return null;
  const who = field.incoming.by ? actorName(field.incoming.by, user?.id ?? null) : 'Someone else';
  return (
    <Alert color="orange" variant="light" p="xs" icon={<IconUsers size={16} />} data-testid="incoming-change" role="status">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fz="sm">
          <Text span fw={650} inherit>
            {who}
          </Text>{' '}
          changed {label.toLowerCase()} while you were editing. Your text is kept here and not saved yet.
        </Text>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-xs" variant="white" color="orange" onClick={field.takeTheirs}>
            Load theirs
          </Button>
          <Button size="compact-xs" variant="white" color="orange" onClick={field.compare}>
            Compare
          </Button>
          <Button size="compact-xs" color="orange" onClick={field.keepMine}>
            Keep mine
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

/** The field's save state, always visible: saving, saved (with undo), not saved and why. */
export function FieldStatus<T>({ field, idle, testId }: { field: AutosavedField<T>; idle?: ReactNode; testId?: string }) {
  const { status } = field;
  let content: ReactNode;
  if (field.incoming) content = <Text fz="xs" c={warningText}>{field.dirty ? 'Not saved: choose a version above' : 'Changed by someone else: choose above, or leave the field to take theirs'}</Text>;
  else switch (status.kind) {
    case 'pending':
      content = <Text fz="xs" c="dimmed">Unsaved changes · saving when you pause (Ctrl+S saves now)</Text>;
      break;
    case 'saving':
      content = (
        <Group gap={6}>
          <Loader size={10} />
          <Text fz="xs" c="dimmed">Saving…</Text>
        </Group>
      );
      break;
    case 'saved':
      content = (
        <Group gap={6}>
          <IconCheck size={13} color="var(--mantine-color-teal-7)" />
          <Text fz="xs" c="teal.9">Saved</Text>
          {field.canUndo && (
            <Anchor component="button" type="button" fz="xs" onClick={field.undo}>
              Undo
            </Anchor>
          )}
        </Group>
      );
      break;
    case 'failed':
      content = (
        <Group gap={6}>
          <IconAlertTriangle size={13} color="var(--mantine-color-red-7)" />
          <Text fz="xs" c="red.8">Not saved: {status.message}</Text>
          <Anchor component="button" type="button" fz="xs" onClick={field.saveNow}>
            Retry
          </Anchor>
        </Group>
      );
      break;
    case 'held':
      content = (
        <Group gap={6}>
          <Text fz="xs" c={warningText}>Not saved: your text is kept after the conflict.</Text>
          <Anchor component="button" type="button" fz="xs" onClick={field.saveNow}>
            Save now
          </Anchor>
        </Group>
      );
      break;
    case 'idle':
      content = idle ?? null;
      break;
  }
  return (
    <div aria-live="polite" data-testid={testId} data-state={field.incoming ? 'incoming' : status.kind}>
      {content}
    </div>
  );
}
