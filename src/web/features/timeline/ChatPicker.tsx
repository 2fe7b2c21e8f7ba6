import { Button, Checkbox, CheckboxIndicator, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ChatImportResult } from '../../../shared/imports/chat/chat-import.schema.js';
import { formatDate } from '../../ui/format.js';

type Proposed = ChatImportResult['entries'][number];

interface Props {
  proposals: Proposed[];
  adding: boolean;
  onAdd: (chosen: Proposed[]) => void;
}

/**
 * The proposed messages, picked with the keyboard: ↑ ↓ move, Space toggles, A selects all or none,
 * Enter adds the chosen ones. One tab stop (the list), the active option named by aria-activedescendant.
 */
export function ChatPicker({ proposals, adding, onAdd }: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setChosen(new Set());
    setActive(0);
    list.current?.focus();
  }, [proposals]);
  // Braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    void list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const toggle = (index: number) =>
    setChosen((old) => {
      const next = new Set(old);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  const allChosen = proposals.length > 0 && chosen.size === proposals.length;
  const toggleAll = () => setChosen(allChosen ? new Set() : new Set(proposals.map((_, i) => i)));
  const add = () => chosen.size > 0 && onAdd(proposals.filter((_, i) => chosen.has(i)));

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => Math.min(i + 1, proposals.length - 1)),
      ArrowUp: () => setActive((i) => Math.max(i - 1, 0)),
      Home: () => setActive(0),
      End: () => setActive(proposals.length - 1),
      ' ': () => toggle(active),
      a: toggleAll,
      Enter: add,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  if (proposals.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        No messages in that window.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Checkbox label={`Select all (${proposals.length})`} checked={allChosen} indeterminate={chosen.size > 0 && !allChosen} onChange={toggleAll} />
        <Text fz="xs" c="dimmed">
          ↑ ↓ move · Space toggles · A all · Enter adds
        </Text>
      </Group>
      <div
        ref={list}
        role="listbox"
        aria-multiselectable="true"
        aria-label="Proposed timeline entries"
        aria-activedescendant={`chat-proposal-${active}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ maxHeight: 360, overflowY: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      >
        {proposals.map((proposal, index) => (
          <div
            key={`${proposal.provenance.file ?? ''}${proposal.provenance.ref}`}
            id={`chat-proposal-${index}`}
            data-index={index}
            role="option"
            aria-selected={chosen.has(index)}
            onClick={() => {
              setActive(index);
              toggle(index);
            }}
            style={{ display: 'flex', gap: 8, padding: '6px 8px', cursor: 'pointer', background: index === active ? 'var(--mantine-color-blue-0)' : undefined, outline: index === active ? '1px solid var(--mantine-color-blue-4)' : undefined }}
          >
            {/* Only a picture of the state: the option itself is what is selected (aria-selected), so it holds nothing focusable. */}
            <CheckboxIndicator checked={chosen.has(index)} aria-hidden />
            <Text fz="sm" className="hs-tabular" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatDate(proposal.occurredAt, 'timeSeconds')}
            </Text>
            <Text fz="sm" lineClamp={2}>
              <b>{proposal.author}</b> {proposal.text}
            </Text>
          </div>
        ))}
      </div>
      <Group justify="flex-end">
        <Button onClick={add} disabled={chosen.size === 0} loading={adding}>
          Add {chosen.size} {chosen.size === 1 ? 'entry' : 'entries'}
        </Button>
      </Group>
    </Stack>
  );
}
