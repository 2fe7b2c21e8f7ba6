import { Select } from '@mantine/core';
import { actionItemStatuses, type ActionItem, type ActionItemStatus } from '../../../shared/actions/action-item.schema.js';
import { statusMeta } from './action-meta.js';

interface Props {
  item: ActionItem;
  onChange: (item: ActionItem, status: ActionItemStatus) => void;
  disabled?: boolean;
}

/** Change an item's status in place; "declined" goes through the form because it needs a reason. */
export function ActionStatusSelect({ item, onChange, disabled }: Props) {
  return (
    <Select
      size="xs"
      w={130}
      aria-label={`Status of ${item.title}`}
      data={actionItemStatuses.map((s) => ({ value: s, label: statusMeta[s].label }))}
      value={item.status}
      disabled={disabled}
      onChange={(value) => value && value !== item.status && onChange(item, value as ActionItemStatus)}
      leftSection={<span style={{ width: 8, height: 8, borderRadius: 8, background: `var(--mantine-color-${statusMeta[item.status].color}-6)` }} />}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
