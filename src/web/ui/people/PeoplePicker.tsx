import { Combobox, Loader, Pill, PillsInput, useCombobox } from '@mantine/core';
import { useState } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { useSession } from '../../app/session.js';
import { PersonOptionRow } from './PersonOptionRow.js';
import { enterChoice, optionValue, personOptions, usePeopleSearch } from './people-options.js';

interface Props {
  label: string;
  value: PersonRef[];
  onChange: (people: PersonRef[]) => void;
  description?: string;
  error?: string;
  name?: string;
  /** Offer the typed text as a plain name for someone without an account (default: yes). */
  allowNames?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
}

/** Several people, picked like PersonPicker: you first, accounts as you type, plain names as a fallback. */
export function PeoplePicker({ label, value, onChange, description, error, name, allowNames = true, onFocus, onBlur }: Props) {
  const { user } = useSession();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption(), onDropdownOpen: () => combobox.updateSelectedOptionIndex('active') });
  const [search, setSearch] = useState('');
  const { found, searching } = usePeopleSearch(search, combobox.dropdownOpened);
  const options = personOptions({ search, me: user, found, allowNames, exclude: value });

  const add = (optionId: string) => {
    const option = options.find((o) => o.value === optionId);
    if (option) onChange([...value, option.person]);
    setSearch('');
  };
  const remove = (person: PersonRef) => onChange(value.filter((p) => optionValue(p) !== optionValue(person)));

  return (
    <Combobox store={combobox} onOptionSubmit={add} withinPortal>
      <Combobox.DropdownTarget>
        <PillsInput label={label} description={description} error={error} onClick={() => combobox.openDropdown()} rightSection={searching && combobox.dropdownOpened ? <Loader size={14} /> : null}>
          <Pill.Group>
            {value.map((person) => (
              <Pill key={optionValue(person)} withRemoveButton onRemove={() => remove(person)} removeButtonProps={{ 'aria-label': `Remove ${person.name}` }}>
                {person.name}
              </Pill>
            ))}
            <Combobox.EventsTarget withExpandedAttribute>
              <PillsInput.Field
                role="combobox"
                autoComplete="off"
                name={name}
                value={search}
                placeholder={value.length ? 'Add someone…' : allowNames ? 'Search people or type a name' : 'Search people'}
                onFocus={() => {
                  onFocus?.();
                  combobox.openDropdown();
                }}
                onBlur={() => {
                  combobox.closeDropdown();
                  setSearch('');
                  onBlur?.();
                }}
                onChange={(e) => {
                  combobox.updateSelectedOptionIndex();
                  combobox.openDropdown();
                  setSearch(e.currentTarget.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    e.preventDefault();
                    remove(value[value.length - 1]!);
                  }
                  if (e.key === 'Enter' && combobox.getSelectedOptionIndex() === -1) {
                    e.preventDefault();
                    const choice = enterChoice(options, search);
                    if (choice) add(choice.value);
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }} aria-label="Suggested people">
          {options.length === 0 ? (
            <Combobox.Empty>{searching ? 'Searching…' : search ? 'Nobody found' : 'Type a name'}</Combobox.Empty>
          ) : (
            options.map((option) => (
              <Combobox.Option value={option.value} key={option.value}>
                <PersonOptionRow option={option} />
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
