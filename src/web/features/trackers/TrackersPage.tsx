import { Alert, Badge, Button, Card, Center, Group, Loader, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trackerKindLabels, type TrackerConnection } from '../../../shared/trackers/tracker.schema.js';
import { usersApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { trackersApi } from '../../api/trackers.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { ConnectTrackerModal } from './ConnectTrackerModal.js';

function People({ connection }: { connection: TrackerConnection }) {
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: [...queryKeys.trackers, connection.id, 'people'], queryFn: ({ signal }) => trackersApi.people(connection.id, signal) });
  const users = useQuery({ queryKey: [...queryKeys.users, 'all'], queryFn: ({ signal }) => usersApi.list(undefined, signal) });
  const [userId, setUserId] = useState<string | null>(null);
  const [externalUser, setExternalUser] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...queryKeys.trackers, connection.id, 'people'] });
  const add = useMutation({
    mutationFn: () => trackersApi.setPerson(connection.id, Number(userId), externalUser),
    onSuccess: () => {
      setUserId(null);
      setExternalUser('');
      refresh();
    },
    onError: (e: Error) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const remove = useMutation({ mutationFn: (id: number) => trackersApi.removePerson(connection.id, id), onSuccess: refresh });
  const label = connection.kind === 'github' ? 'GitHub login' : connection.kind === 'gitlab' ? 'GitLab username' : 'Jira account id';
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={600}>People</Text>
      <Text fz="xs" c="dimmed">Issues made from an item are assigned to its owner when the owner is named here.</Text>
      {(people.data?.items ?? []).map((p) => (
        <Group key={p.userId} gap="xs">
          <Text fz="sm">{p.name} → <b>{p.externalUser}</b></Text>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(p.userId)}>Remove</Button>
        </Group>
      ))}
      <Group gap="xs" align="end">
        <Select size="xs" placeholder="User" data={(users.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))} value={userId} onChange={setUserId} searchable w={200} aria-label="User" />
        <TextInput size="xs" placeholder={label} value={externalUser} onChange={(e) => setExternalUser(e.currentTarget.value)} aria-label={label} />
        <Button size="xs" variant="light" disabled={!userId || !externalUser.trim()} loading={add.isPending} onClick={() => add.mutate()}>Add</Button>
      </Group>
    </Stack>
  );
}

function ConnectionCard({ connection }: { connection: TrackerConnection }) {
  const queryClient = useQueryClient();
  const [services, setServices] = useState(connection.services);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const test = useMutation({ mutationFn: () => trackersApi.test(connection.id), onSuccess: setResult });
  const save = useMutation({
    mutationFn: () => trackersApi.update(connection.id, { version: connection.version, services }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.trackers });
      notifications.show({ color: 'teal', title: 'Services saved', message: connection.name });
    },
    onError: (e: Error) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const remove = useMutation({ mutationFn: () => trackersApi.remove(connection), onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.trackers }) });
  const changed = services.join('\n') !== connection.services.join('\n');
  return (
    <Card withBorder data-testid="tracker-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{connection.name}</Title>
            <Badge variant="light">{trackerKindLabels[connection.kind]}</Badge>
            {connection.isDefault && <Badge color="teal" variant="dot">Default</Badge>}
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconPlugConnected size={14} />} loading={test.isPending} onClick={() => test.mutate()}>Test connection</Button>
            <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>Disconnect</Button>
          </Group>
        </Group>
        <Text fz="sm" c="dimmed">{connection.project} at {connection.baseUrl}</Text>
        <Text fz="xs" c="dimmed">Webhook: <code>{window.location.origin}{connection.webhookPath}</code></Text>
        {result && <Alert color={result.ok ? 'teal' : 'red'} variant="light" data-testid="tracker-test-result">{result.message}</Alert>}
        <Group align="end" gap="xs">
          <TagsInput label="Services" description="Action items of incidents in these services go here" value={services} onChange={setServices} style={{ flex: 1 }} />
          <Button variant="light" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>Save services</Button>
        </Group>
        <People connection={connection} />
      </Stack>
    </Card>
  );
}

/** Settings → Trackers (admins): where action items become issues, and how their state comes back. */
export default function TrackersPage() {
  const [connecting, { open, close }] = useDisclosure(false);
  const trackers = useQuery({ queryKey: queryKeys.trackers, queryFn: ({ signal }) => trackersApi.list(signal) });
  const items = trackers.data?.items ?? [];
  return (
    <Page
      title="Trackers"
      description="Connect GitHub, GitLab or Jira: responders make an issue from an action item, and closing or reopening it there marks the item done or open here."
      actions={<Button leftSection={<IconPlus size={16} />} onClick={open}>Connect tracker</Button>}
      maxWidth={1100}
    >
      {trackers.isError && <QueryError error={trackers.error} onRetry={() => void trackers.refetch()} />}
      {trackers.isPending ? (
        <Center py={60}><Loader size="sm" /></Center>
      ) : items.length === 0 ? (
        <Card withBorder><Text c="dimmed" fz="sm">No tracker connected yet.</Text></Card>
      ) : (
        <Stack>{items.map((c) => <ConnectionCard key={`${c.id}:${c.version}`} connection={c} />)}</Stack>
      )}
      <ConnectTrackerModal opened={connecting} onClose={close} />
    </Page>
  );
}
