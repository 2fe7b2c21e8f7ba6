import { CloseButton, Combobox, Group, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { IconUser, IconUserQuestion } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { useSession } from '../../app/session.js';
import { PersonOptionRow } from './PersonOptionRow.js';
import { enterChoice, personOptions, usePeopleSearch } from './people-options.js';

export interface PersonPickerProps {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  description?: string;
  placeholder?: string;
  error?: string;
  name?: string;
  /** Offer the typed text as a plain name for someone without an account (default: yes). */
  allowNames?: boolean;
  readOnly?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
  'data-testid'?: string;
}

/**
 * One person: the signed-in user first, then accounts found as you type, and the typed text as a
 * plain name when nobody matches. Fully usable from the keyboard (arrows, Enter, Escape).
 */
export function PersonPicker({ label, value, onChange, description, placeholder, error, name, allowNames = true, readOnly, onFocus, onBlur, ...rest }: PersonPickerProps) {
  const { user } = useSession();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState<string | null>(null);
  const open = combobox.dropdownOpened;
  const { found, searching } = usePeopleSearch(search ?? '', open);
  const options = personOptions({ search: search ?? '', me: user, found, allowNames });

  const pick = (person: PersonRef | null) => {
    onChange(person);
    setSearch(null);
    combobox.closeDropdown();
  };
  const leave = () => {
    combobox.closeDropdown();
    setSearch(null);
    onBlur?.();
  };
  const icon = value === null ? null : value.userId !== null ? <IconUser size={15} /> : <IconUserQuestion size={15} />;

  return (
    <Combobox store={combobox} onOptionSubmit={(v) => pick(options.find((o) => o.value === v)?.person ?? null)} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          role="combobox"
          autoComplete="off"
          label={label}
          description={description}
          error={error}
          name={name}
          readOnly={readOnly}
          value={search ?? value?.name ?? ''}
          placeholder={placeholder ?? (allowNames ? 'Search people or type a name' : 'Search people')}
          leftSection={icon}
          rightSection={
            searching && open ? <Loader size={14} /> : value && !readOnly ? <CloseButton size="sm" aria-label={`Clear ${label.toLowerCase()}`} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(null)} /> : <Combobox.Chevron />
          }
          rightSectionPointerEvents={value && !readOnly ? 'all' : 'none'}
          onClick={() => !readOnly && combobox.openDropdown()}
          onFocus={() => {
            onFocus?.();
            if (!readOnly) combobox.openDropdown();
          }}
          onBlur={leave}
          onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
            if (e.key === 'Escape') setSearch(null);
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() === -1 && search !== null) {
              e.preventDefault();
              const choice = enterChoice(options, search);
              if (choice) pick(choice.person);
            }
          }}
          onChange={(e) => {
            if (readOnly) return;
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
            setSearch(e.currentTarget.value);
          }}
          {...rest}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }} aria-label="Suggested people">
          {options.length === 0 ? (
            <Combobox.Empty>{searching ? 'Searching…' : 'Nobody found'}</Combobox.Empty>
          ) : (
            options.map((option) => (
              <Combobox.Option value={option.value} key={option.value} active={value !== null && option.person.userId === value.userId && option.person.name === value.name}>
                <PersonOptionRow option={option} />
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
        {allowNames && (
          <Combobox.Footer>
            <Group gap={6} wrap="nowrap">
              <IconUserQuestion size={13} color="var(--mantine-color-dimmed)" />
              <Text fz="xs" c="dimmed">
                Not in Hindsight? Type their name and use it as a name.
              </Text>
            </Group>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
