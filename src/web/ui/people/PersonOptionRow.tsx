import { Avatar, Group, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { initials } from '../../app/UserMenu.js';
import type { PersonOption } from './people-options.js';

/** One line of a person picker's list: who, and whether it is an account or just a name. */
export function PersonOptionRow({ option }: { option: PersonOption }) {
  if (option.kind === 'name') {
    return (
      <Group gap={8} wrap="nowrap">
        <IconUserPlus size={16} stroke={1.6} />
        <Text fz="sm">{option.label}</Text>
        <Text fz="xs" c="dimmed" ml="auto">
          no account
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={8} wrap="nowrap">
      <Avatar size={22} radius="xl" color={option.kind === 'me' ? 'hindsight' : 'gray'} aria-hidden>
        {initials(option.person.name)}
      </Avatar>
      <Text fz="sm" fw={option.kind === 'me' ? 600 : undefined}>
        {option.label}
      </Text>
    </Group>
  );
}
