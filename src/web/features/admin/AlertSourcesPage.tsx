import { ActionIcon, Alert, Badge, Button, Card, Center, Code, CopyButton, Group, Loader, Menu, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDots, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AlertDelivery, AlertSource, AlertSourceWithSecret } from '../../../shared/alerts/alert-source.schema.js';
import { alertSourcesApi } from '../../api/alerts.js';
import { queryKeys } from '../../api/query-keys.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { kindLabels, NewAlertSourceModal } from './NewAlertSourceModal.js';

const statusColors: Record<AlertDelivery['status'], string> = { created: 'teal', updated: 'blue', unchanged: 'gray', rejected: 'red' };

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }} aria-label={label}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label.toLowerCase()}`}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy the ${label.toLowerCase()}`}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** The secret, this once: it is never shown again (rotate to get a new one). */
function SecretModal({ source, onClose }: { source: AlertSourceWithSecret | null; onClose: () => void }) {
  return (
    <Modal opened={source !== null} onClose={onClose} size="lg" title={<Text fw={650}>Secret of {source?.name}</Text>}>
      {source && (
        <Stack gap="sm">
          <Alert color="yellow">Copy the secret now and configure it in {kindLabels[source.kind]}: it is not shown again.</Alert>
          <Text fz="sm" fw={600}>Webhook URL</Text>
          <Copyable value={source.url} label="Webhook URL" />
          <Text fz="sm" fw={600}>Secret</Text>
          <Copyable value={source.secret} label="Secret" />
          <Text fz="xs" c="dimmed">How it is sent: {source.scheme}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Deliveries({ deliveries }: { deliveries: AlertDelivery[] }) {
  if (!deliveries.length) return <Text fz="sm" c="dimmed">No delivery yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Received</Table.Th>
            <Table.Th w={110}>Status</Table.Th>
            <Table.Th>What it did</Table.Th>
            <Table.Th w={150}>Incidents</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => (
            <Table.Tr key={delivery.id} data-testid="alert-delivery">
              <Table.Td><Timestamp value={delivery.receivedAt} fz="sm" /></Table.Td>
              <Table.Td><Badge size="sm" variant="light" color={statusColors[delivery.status]}>{delivery.status}</Badge></Table.Td>
              <Table.Td><Text fz="sm" lineClamp={2}>{delivery.detail ?? '—'}</Text></Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {delivery.incidentIds.map((id) => <Link key={id} to={`/incidents/${id}`}>#{id}</Link>)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SourceCard({ source, onSecret }: { source: AlertSource; onSecret: (source: AlertSourceWithSecret) => void }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.alertSources });
  const rotate = useMutation({
    mutationFn: () => alertSourcesApi.rotateSecret(source.id),
    onSuccess: (rotated) => {
      refresh();
      onSecret(rotated);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not rotated', message: error.message }),
  });
  const remove = useMutation({
    mutationFn: () => alertSourcesApi.remove(source.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', title: 'Alert source deleted', message: `${source.name} no longer accepts deliveries; its incidents stay.` });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: error.message }),
  });
  return (
    <Card data-testid="alert-source" aria-label={source.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={650}>{source.name}</Text>
              <Badge variant="light">{kindLabels[source.kind]}</Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              Incidents without a severity: {source.settings.defaultSeverity.toUpperCase()}
              {source.settings.service ? ` · service ${source.settings.service}` : ''} · secret set <Timestamp value={source.secretRotatedAt} fz="xs" span />
            </Text>
          </Stack>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon aria-label={`Actions for ${source.name}`} loading={rotate.isPending || remove.isPending}><IconDots size={16} /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconKey size={14} />} onClick={() => window.confirm(`Give ${source.name} a new secret? The current one stops working at once.`) && rotate.mutate()}>
                Rotate the secret
              </Menu.Item>
              <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => window.confirm(`Delete ${source.name}? Its incidents stay.`) && remove.mutate()}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Copyable value={source.url} label="Webhook URL" />
        <Text fz="xs" c="dimmed">{source.scheme}</Text>
        <Text fz="sm" fw={600}>Latest deliveries</Text>
        <Deliveries deliveries={source.lastDeliveries} />
      </Stack>
    </Card>
  );
}

/** Admins: the webhooks alerting tools send to, their secrets, and what their latest deliveries did. */
export default function AlertSourcesPage() {
  const [creating, { open, close }] = useDisclosure(false);
  const [secret, setSecret] = useState<AlertSourceWithSecret | null>(null);
  // Deliveries are not domain events of their own (their incidents' changes are): the log is polled while the page is open.
  const query = useQuery({ queryKey: queryKeys.alertSources, queryFn: ({ signal }) => alertSourcesApi.list(signal), refetchInterval: 5_000 });
  return (
    <Page
      title="Alert sources"
      description="Alerting tools post to these webhooks, signed with their secret: each alert creates or updates its incident and adds what happened to its timeline."
      actions={<Button leftSection={<IconPlus size={16} />} onClick={open}>New alert source</Button>}
      maxWidth={1100}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending ? (
        <Center py={60}><Loader size="sm" /></Center>
      ) : query.data?.items.length ? (
        <Stack gap="md">
          {query.data.items.map((source) => <SourceCard key={source.id} source={source} onSecret={setSecret} />)}
        </Stack>
      ) : (
        <Card><Text c="dimmed" fz="sm">No alert source yet. Create one for each alerting tool that should open incidents here.</Text></Card>
      )}
      <NewAlertSourceModal opened={creating} onClose={close} onCreated={setSecret} />
      <SecretModal source={secret} onClose={() => setSecret(null)} />
    </Page>
  );
}
