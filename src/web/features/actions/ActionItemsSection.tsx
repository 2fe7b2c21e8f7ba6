import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActionItem, ActionItemStatus } from '../../../shared/actions/action-item.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import { ActionFlags } from '../language/ActionFlags.js';
import { useActionFindings } from '../language/LanguageContext.js';
import { useSession } from '../../app/session.js';
import { EditorSection } from '../reviews/editor/EditorSection.js';
import { useReviewActionItems } from '../reviews/use-review.js';
import { classLabels, priorityLabels, statusMeta } from './action-meta.js';
import { DueDate } from './DueDate.js';
import { ActionItemForm } from './ActionItemForm.js';
import { ActionStatusSelect } from './ActionStatusSelect.js';
import { SoakBadge, SoakDecision } from './SoakDecision.js';
import { useActionItemMutations } from './use-action-items.js';
import { useLiveState } from '../../app/live/LiveProvider.js';
import { useEditorMode } from '../reviews/editor/editor-context.js';
import { EditingNow } from '../reviews/editor/presence/PresenceBar.js';
import type { ReviewTrackerIssues } from '../../../shared/trackers/tracker.schema.js';
import { TrackerIssueLink, useReviewTrackerIssues } from '../trackers/TrackerIssue.js';

interface RowProps {
  item: ActionItem;
  onEdit: () => void;
  onStatus: (i: ActionItem, s: ActionItemStatus) => void;
  onDelete: () => void;
  canWrite: boolean;
  /** A published review: progress may change, the item itself may not be deleted. */
  readOnly: boolean;
  trackerIssues: ReviewTrackerIssues | undefined;
}

function ItemRow({ item, onEdit, onStatus, onDelete, canWrite, readOnly, trackerIssues }: RowProps) {
  // F8: vague wording, no owner, no due date, no linked factor (from the review's quality score).
  const findings = useActionFindings('action', item.id);
  const { reviewId } = useEditorMode();
  return (
    <Table.Tr data-testid="action-item-row">
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Text fz="sm" fw={600}>
              {item.title}
            </Text>
            {item.externalUrl && (
              <Anchor href={item.externalUrl} target="_blank" rel="noreferrer" aria-label="Open in tracker">
                <IconExternalLink size={14} />
              </Anchor>
            )}
          </Group>
          <Group gap={4}>
            {item.priority && <Badge size="xs" color="dark" variant="light">{priorityLabels[item.priority]}</Badge>}
            {item.class && <Badge size="xs" color="hindsight" variant="light">{classLabels[item.class]}</Badge>}
            <SoakBadge item={item} />
            <ActionFlags findings={findings} subject={item.title} />
            <EditingNow reviewId={reviewId} field={`actionItems.${item.id}`} />
          </Group>
          {canWrite && <SoakDecision item={item} reviewId={reviewId} />}
          {item.status === 'accepted' && item.secondOrderEffects && (
            <Text fz="xs" c="dimmed" data-testid="second-order-effects">
              Could make worse: {item.secondOrderEffects}
            </Text>
          )}
          <TrackerIssueLink reviewId={reviewId} actionItemId={item.id} issues={trackerIssues} canWrite={canWrite} />
        </Stack>
      </Table.Td>
      <Table.Td><Text fz="sm" c={item.owner ? undefined : 'dimmed'}>{item.owner?.name ?? '—'}</Text></Table.Td>
      <Table.Td><DueDate item={item} /></Table.Td>
      <Table.Td>
        {canWrite ? <ActionStatusSelect item={item} onChange={onStatus} /> : <Badge color={statusMeta[item.status].color} variant="dot">{statusMeta[item.status].label}</Badge>}
      </Table.Td>
      <Table.Td>
        {canWrite && <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon aria-label={`Actions for ${item.title}`}><IconDots size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>{readOnly ? 'Edit progress' : 'Edit'}</Menu.Item>
            {!readOnly && <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onDelete}>Delete</Menu.Item>}
          </Menu.Dropdown>
        </Menu>}
      </Table.Td>
    </Table.Tr>
  );
}

export function ActionItemsSection({ reviewId, factors }: { reviewId: number; factors: Factor[] }) {
  const items = useReviewActionItems(reviewId);
  const { canWrite } = useSession();
  const { readOnly } = useEditorMode();
  const mutations = useActionItemMutations(reviewId);
  const trackerIssues = useReviewTrackerIssues(reviewId);
  // base: the item as it was when the form opened; initial: what the form starts with.
  const [editing, setEditingState] = useState<{ base: ActionItem; initial: ActionItem } | 'new' | null>(null);
  // While an item's dialog is open, the others see it is being edited.
  const presence = useLiveState()?.connection ?? null;
  const setEditing = (next: typeof editing) => {
    presence?.editing(next && next !== 'new' ? `actionItems.${next.base.id}` : null);
    setEditingState(next);
  };
  const fail = (e: Error) => notifications.show({ color: 'red', title: 'Not saved', message: e.message });
  const onStatus = (item: ActionItem, status: ActionItemStatus) => {
    if (status === 'declined' && !item.declineReason) return setEditing({ base: item, initial: { ...item, status } });
    mutations.setStatus(item, status).catch(fail);
  };
  const list = items.data ?? [];

  return (
    <EditorSection
      id="action-items"
      title="Action items"
      hint="Concrete, owned, dated work that removes a contributing factor. Not “be more careful”: “add an alert for X”."
      count={list.length}
      countLabel={(n) => `${n} item${n === 1 ? '' : 's'}`}
      actions={canWrite && !readOnly && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Add action item</Button>}
    >
      {list.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th w={110}>Owner</Table.Th>
                <Table.Th w={110}>Due</Table.Th>
                <Table.Th w={140}>Status</Table.Th>
                <Table.Th w={40}><span className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}>Actions</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => (
                <ItemRow key={item.id} item={item} onEdit={() => setEditing({ base: item, initial: item })} onStatus={onStatus} onDelete={() => void mutations.remove(item).catch(fail)} canWrite={canWrite} readOnly={readOnly} trackerIssues={trackerIssues.data} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text fz="sm" c="dimmed">No action items yet. They often surface while walking the timeline.</Text>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="xl" title={<Text fw={650}>{editing === 'new' ? 'New action item' : 'Edit action item'}</Text>}>
        {editing !== null && (
          <ActionItemForm
            initial={editing === 'new' ? undefined : editing.initial}
            factors={factors}
            submitLabel={editing === 'new' ? 'Add action item' : 'Save action item'}
            progressOnly={readOnly}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              if (editing === 'new') await mutations.create(input);
              else await mutations.update(editing.base, input, items.data?.find((i) => i.id === editing.base.id) ?? editing.base);
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </EditorSection>
  );
}
