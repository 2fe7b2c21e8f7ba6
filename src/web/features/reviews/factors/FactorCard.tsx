import { ActionIcon, Badge, Group, Menu, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconLink, IconPencil, IconRepeat, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Factor, FactorCreate } from '../../../../shared/reviews/factor.schema.js';
import type { TimelineEntry } from '../../../../shared/timeline/timeline.schema.js';
import { ActionFlags } from '../../language/ActionFlags.js';
import { useActionFindings } from '../../language/LanguageContext.js';
import { factorKindMeta } from './factor-meta.js';
import { FactorForm } from './FactorForm.js';
import { LinkFactorModal, RecursBadge } from './FactorRecurrence.js';
import { useEditingSignal } from '../../../app/live/use-live.js';
import { useEditorMode } from '../editor/editor-context.js';
import { EditingNow } from '../editor/presence/PresenceBar.js';

interface Props {
  factor: Factor;
  timeline: TimelineEntry[];
  labelOf: (key: string) => string;
  onUpdate: (factor: Factor, input: FactorCreate) => Promise<unknown>;
  onDelete: (factor: Factor) => void;
  readOnly: boolean;
}

export function FactorCard({ factor, timeline, labelOf, onUpdate, onDelete, readOnly }: Props) {
  const [editing, { open, close: closeDialog }] = useDisclosure(false);
  const [linking, linkDialog] = useDisclosure(false);
  const { reviewId } = useEditorMode();
  // While the dialog is open, the others see this factor is being edited.
  const presence = useEditingSignal(`factors.${factor.id}`);
  const close = () => {
    presence.onBlur();
    closeDialog();
  };
  // The factor as it was when the form opened: the base of the edit (the latest copy may move on).
  const [snapshot, setSnapshot] = useState(factor);
  // F8: a contributor wants an action item or an explicit accepted risk.
  const findings = useActionFindings('factor', factor.id);
  const startEditing = () => {
    setSnapshot(factor);
    presence.onFocus();
    open();
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="factor-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fz="sm" fw={600}>
            {factor.title}
          </Text>
          {factor.description && (
            <Text fz="xs" c="dimmed" lineClamp={3}>
              {factor.description}
            </Text>
          )}
          <Group gap={4}>
            {factor.category && (
              <Badge size="xs" color="dark" variant="light">
                {labelOf(factor.category)}
              </Badge>
            )}
            {factor.tags.map((t) => (
              <Badge key={t} size="xs" color="gray" variant="outline">
                {labelOf(t)}
              </Badge>
            ))}
            {factor.acceptedRisk && (
              <Badge size="xs" color="yellow">
                Accepted risk
              </Badge>
            )}
            {factor.timelineEntryIds.length > 0 && (
              <Badge size="xs" color="hindsight" variant="light" leftSection={<IconLink size={10} />}>
                {factor.timelineEntryIds.length} timeline
              </Badge>
            )}
            <RecursBadge factorId={factor.id} />
          </Group>
          <ActionFlags findings={findings} subject={factor.title} />
          <EditingNow reviewId={reviewId} field={`factors.${factor.id}`} />
        </Stack>
        {!readOnly && <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon aria-label={`Actions for ${factor.title}`} size="sm">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={startEditing}>
              Edit
            </Menu.Item>
            <Menu.Item leftSection={<IconRepeat size={14} />} onClick={linkDialog.open}>
              Link to an earlier incident&apos;s factor
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => onDelete(factor)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>}
      </Group>
      <Modal opened={editing} onClose={close} title={<Text fw={650}>Edit {factorKindMeta[factor.kind].singular}</Text>} size="lg">
        <FactorForm
          kind={factor.kind}
          initial={snapshot}
          timeline={timeline}
          submitLabel="Save"
          onCancel={close}
          onSubmit={async (input) => {
            await onUpdate(snapshot, input);
            close();
          }}
        />
      </Modal>
      {!readOnly && <LinkFactorModal source={{ kind: 'factors', id: factor.id }} opened={linking} onClose={linkDialog.close} />}
    </Paper>
  );
}
