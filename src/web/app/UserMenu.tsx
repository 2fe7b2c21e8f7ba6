import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconChevronDown, IconClipboardList, IconKey, IconLogout, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { authApi } from '../api/auth.js';
import { setCsrfToken } from '../api/client.js';
import { RoleBadge } from '../ui/badges.js';
import { useSession } from './session.js';

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** The signed-in user in the header: who, with which role; their tokens, admin pages and sign-out. */
export function UserMenu() {
  const { user, role, isAdmin } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  if (!user) return null;

  const signOut = async () => {
    setSigningOut(true);
    try {
      await authApi.signOut();
    } catch (error) {
      setSigningOut(false);
      notifications.show({ color: 'red', title: 'Could not sign out', message: error instanceof Error ? error.message : 'Try again' });
      return;
    }
    setCsrfToken(null);
    await navigate('/sign-in', { replace: true });
    queryClient.clear();
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.name}`} data-testid="user-menu" style={{ borderRadius: 10, padding: '4px 8px' }} className="hs-user-button">
          <Group gap={10} wrap="nowrap">
            <Avatar color="hindsight" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
            <Stack gap={2} visibleFrom="sm">
              <Text fz="sm" fw={600} lh={1.1} maw={180} truncate>
                {user.name}
              </Text>
              <RoleBadge role={role} size="xs" data-testid="user-role" />
            </Stack>
            <IconChevronDown size={14} color="var(--mantine-color-gray-6)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="dark" truncate>
            {user.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/notifications" leftSection={<IconBell size={16} />}>
          Notifications
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/tokens" leftSection={<IconKey size={16} />}>
          API tokens
        </Menu.Item>
        {isAdmin && (
          <>
            <Menu.Item component={Link} to="/admin/users" leftSection={<IconUsers size={16} />}>
              Users
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/audit" leftSection={<IconClipboardList size={16} />}>
              Audit log
            </Menu.Item>
          </>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()} disabled={signingOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
