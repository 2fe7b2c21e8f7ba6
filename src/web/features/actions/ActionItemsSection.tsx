import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDots, IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ActionItem, ActionItemStatus } from '../../../shared/actions/action-item.schema.js';
import type { Factor } from '../../../shared/reviews/factor.schema.js';
import { EditorSection } from '../reviews/editor/EditorSection.js';
import { useReviewActionItems } from '../reviews/use-review.js';
import { classLabels, priorityLabels } from './action-meta.js';
import { DueDate } from './DueDate.js';
import { ActionItemForm } from './ActionItemForm.js';
import { ActionStatusSelect } from './ActionStatusSelect.js';
import { useActionItemMutations } from './use-action-items.js';

/** F8 in small: what makes an item hard to follow up. */
function gaps(item: ActionItem): string[] {
  const found: string[] = [];
  if (!item.owner) found.push('no owner');
  if (!item.dueDate) found.push('no due date');
  if (item.factorIds.length === 0) found.push('no linked factor');
  return found;
}

function ItemRow({ item, onEdit, onStatus, onDelete }: { item: ActionItem; onEdit: () => void; onStatus: (i: ActionItem, s: ActionItemStatus) => void; onDelete: () => void }) {
  const missing = gaps(item);
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
            {missing.length > 0 && (
              <Tooltip label="Items are followed up when they have an owner, a due date and the factor they remove">
                <Group gap={3} wrap="nowrap">
                  <IconAlertTriangle size={12} color="var(--mantine-color-orange-7)" />
                  <Text fz={11} c="orange.8">{missing.join(', ')}</Text>
                </Group>
              </Tooltip>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td><Text fz="sm" c={item.owner ? undefined : 'dimmed'}>{item.owner ?? '—'}</Text></Table.Td>
      <Table.Td><DueDate item={item} /></Table.Td>
      <Table.Td><ActionStatusSelect item={item} onChange={onStatus} /></Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon aria-label={`Actions for ${item.title}`}><IconDots size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>Edit</Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onDelete}>Delete</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

export function ActionItemsSection({ reviewId, factors }: { reviewId: number; factors: Factor[] }) {
  const items = useReviewActionItems(reviewId);
  const mutations = useActionItemMutations(reviewId);
  // base: the item as it was when the form opened; initial: what the form starts with.
  const [editing, setEditing] = useState<{ base: ActionItem; initial: ActionItem } | 'new' | null>(null);
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
      actions={<Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Add action item</Button>}
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
                <ItemRow key={item.id} item={item} onEdit={() => setEditing({ base: item, initial: item })} onStatus={onStatus} onDelete={() => void mutations.remove(item).catch(fail)} />
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
