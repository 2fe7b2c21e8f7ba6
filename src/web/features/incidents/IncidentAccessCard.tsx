import { Avatar, Button, Card, Group, Modal, Skeleton, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IncidentAccess } from '../../../shared/accounts/incident-access.schema.js';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { accessApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { initials } from '../../app/UserMenu.js';
import { QueryError } from '../../ui/QueryError.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';

function ManageAccess({ access, onClose }: { access: IncidentAccess; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [restricted, setRestricted] = useState(access.restricted);
  const [members, setMembers] = useState<PersonRef[]>(access.members.map(({ id, name }) => ({ userId: id, name })));
  const save = useMutation({
    // Members are accounts: the picker offers no plain names here.
    mutationFn: () => accessApi.set(access.incidentId, { restricted, memberIds: members.flatMap((m) => (m.userId === null ? [] : [m.userId])) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.incidentAccess(access.incidentId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
      notifications.show({ color: 'teal', title: 'Access saved', message: saved.restricted ? `Restricted to ${saved.members.length} ${saved.members.length === 1 ? 'person' : 'people'} and admins.` : 'Everyone can see this incident.' });
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Access not saved', message: error.message }),
  });
  return (
    <Stack gap="md">
      <Switch
        label="Restricted"
        description="Only its members and admins see the incident, its review, timeline and action items"
        checked={restricted}
        onChange={(e) => setRestricted(e.currentTarget.checked)}
        color="dark"
      />
      <PeoplePicker label="Members" description="Who may see it while it is restricted. You stay a member when you restrict it." value={members} onChange={setMembers} allowNames={false} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>Save access</Button>
      </Group>
    </Stack>
  );
}

/** Who can see the incident; responders who see it may restrict it and choose its members. */
export function IncidentAccessCard({ incidentId }: { incidentId: number }) {
  const { canWrite } = useSession();
  const [opened, { open, close }] = useDisclosure(false);
  const query = useQuery({ queryKey: queryKeys.incidentAccess(incidentId), queryFn: ({ signal }) => accessApi.get(incidentId, signal) });
  if (query.isPending) return <Skeleton h={120} radius="lg" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const access = query.data;

  return (
    <Card data-testid="incident-access">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant={access.restricted ? 'filled' : 'light'} size={36} radius="md" color={access.restricted ? 'dark' : 'gray'}>
            {access.restricted ? <IconLock size={20} /> : <IconLockOpen size={20} />}
          </ThemeIcon>
          <div>
            <Title order={3}>{access.restricted ? 'Restricted' : 'Open to everyone'}</Title>
            <Text fz="sm" c="dimmed">
              {access.restricted ? 'Only these people and admins can see it.' : 'Everyone with an account can read it and learn from it.'}
            </Text>
          </div>
        </Group>
        {access.restricted && (
          <Stack gap={6} data-testid="incident-members">
            {access.members.length === 0 && <Text fz="sm" c="dimmed">No members: admins only.</Text>}
            {access.members.map((m) => (
              <Group key={m.id} gap="xs" wrap="nowrap">
                <Avatar size={26} radius="xl" color="hindsight">{initials(m.name)}</Avatar>
                <Text fz="sm" truncate>{m.name}</Text>
              </Group>
            ))}
          </Stack>
        )}
        {canWrite && (
          <Button variant="default" leftSection={<IconUsers size={16} />} onClick={open} fullWidth>
            Manage access
          </Button>
        )}
      </Stack>
      <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>Who can see this incident</Text>}>
        {opened && <ManageAccess access={access} onClose={close} />}
      </Modal>
    </Card>
  );
}
