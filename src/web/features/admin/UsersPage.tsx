import { useCursorPages } from '../../api/use-cursor-pages.js';
import { ActionIcon, Avatar, Badge, Button, Card, Center, Group, Loader, Menu, Select, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserUpdate } from '../../../shared/accounts/account.schema.js';
import { roles, type Role } from '../../../shared/accounts/roles.js';
import { usersApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { initials } from '../../app/UserMenu.js';
import { useSession } from '../../app/session.js';
import { roleLabel } from '../../ui/badges.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { NewUserModal } from './NewUserModal.js';
import { LoadMore } from '../../ui/LoadMore.js';

function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: { user: User; change: Omit<UserUpdate, 'version'> }) => usersApi.update(user.id, { version: user.version, ...change }),
    onSuccess: (user, { change }) => {
      const what = change.role ? `is now ${roleLabel[user.role].toLowerCase()}` : change.disabled ? 'is disabled and signed out everywhere' : 'can sign in again';
      notifications.show({ color: 'teal', title: user.name, message: what });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: error.message }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

function UserRow({ user, isMe, update }: { user: User; isMe: boolean; update: ReturnType<typeof useUpdateUser> }) {
  const busy = update.isPending && update.variables.user.id === user.id;
  return (
    <Table.Tr data-testid="user-row" style={user.disabled ? { opacity: 0.6 } : undefined}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar color={user.disabled ? 'gray' : 'hindsight'} radius="xl" size={34}>{initials(user.name)}</Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fz="sm" fw={600} truncate>
              {user.name} {isMe && <Text span fz="xs" c="dimmed" fw={500}>(you)</Text>}
            </Text>
            <Text fz="xs" c="dimmed" truncate>{user.email}</Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          w={130}
          aria-label={`Role of ${user.name}`}
          data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
          value={user.role}
          disabled={busy || user.disabled}
          onChange={(role) => role && role !== user.role && update.mutate({ user, change: { role: role as Role } })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.hasPassword && <Badge size="sm" color="gray">Password</Badge>}
          {user.singleSignOn && <Badge size="sm" color="blue">Single sign-on</Badge>}
          {!user.hasPassword && !user.singleSignOn && <Text fz="xs" c="dimmed">Single sign-on, not linked yet</Text>}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={user.disabled ? 'red' : 'teal'} variant="dot">{user.disabled ? 'Disabled' : 'Active'}</Badge>
      </Table.Td>
      <Table.Td><Timestamp value={user.createdAt} format="date" fz="sm" /></Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon aria-label={`Actions for ${user.name}`} loading={busy}><IconDots size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {user.disabled ? (
              <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={() => update.mutate({ user, change: { disabled: false } })}>Enable</Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconUserOff size={14} />} color="red" disabled={isMe} onClick={() => update.mutate({ user, change: { disabled: true } })}>
                Disable and sign out
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

/** Admins: everyone with an account, their role, how they sign in, and whether they may. */
export default function UsersPage() {
  const { user: me } = useSession();
  const [creating, { open, close }] = useDisclosure(false);
  const update = useUpdateUser();
  const { query, items: users } = useCursorPages(queryKeys.users, (cursor, signal) => usersApi.list(cursor, signal));

  return (
    <Page
      title="Users"
      description="Roles apply at the next request. Disabling someone signs them out everywhere and stops their API tokens."
      actions={<Button leftSection={<IconPlus size={16} />} onClick={open}>New user</Button>}
      maxWidth={1100}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Card p={0} style={{ overflow: 'hidden' }}>
        {query.isPending ? (
          <Center py={60}><Loader size="sm" /></Center>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th w={150}>Role</Table.Th>
                  <Table.Th w={200}>Signs in with</Table.Th>
                  <Table.Th w={130}>Status</Table.Th>
                  <Table.Th w={130}>Since</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((user) => <UserRow key={user.id} user={user} isMe={user.id === me?.id} update={update} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <LoadMore query={query} />
      <NewUserModal opened={creating} onClose={close} />
    </Page>
  );
}
