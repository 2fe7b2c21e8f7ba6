import { Alert, Badge, Button, Code, EmptyState, Group, Modal, MultiSelect, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus, IconShieldCheck, IconWebhook } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SecretValue } from '../../ui/SecretValue.js';
import { useState, type FormEvent } from 'react';
import {
  notificationKindLabels,
  notificationKinds,
  webhookEndpointCreateSchema,
  type NotificationKind,
  type WebhookEndpoint,
} from '../../../shared/notifications/notification.schema.js';
import { webhookEndpointsApi } from '../../api/notifications.js';
import { queryKeys } from '../../api/query-keys.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { ListCard } from '../../ui/ListCard.js';

// The weekly digest is written for each reader (their visibility): it never goes to a webhook.
const kindOptions = notificationKinds.filter((kind) => kind !== 'digest.weekly').map((kind) => ({ value: kind, label: notificationKindLabels[kind] }));

function NewEndpointModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({ mutationFn: webhookEndpointsApi.create, onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints }) });
  const close = () => {
    onClose();
    create.reset();
    setUrl('');
    setDescription('');
    setKinds([]);
    setErrors({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = webhookEndpointCreateSchema.safeParse({ url: url.trim(), description, kinds });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(create.error), ...errors };
  const formError = formLevelError(create.error, shown);
  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>{create.data ? 'Endpoint added' : 'New webhook endpoint'}</Text>}>
      {create.data ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} title="Copy the signing secret now">
            This is the only time it is shown. The receiver verifies each delivery's <Code>webhook-signature</Code> with it (Standard Webhooks).
          </Alert>
          <SecretValue value={create.data.secret} testId="webhook-secret" />
          <Group justify="flex-end"><Button onClick={close}>Done</Button></Group>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="New webhook endpoint" noValidate>
          <Stack gap="md">
            {formError && <Alert color="red" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
            <TextInput label="URL" name="url" description="Where Hindsight POSTs each message, signed" placeholder="https://bots.example.com/hindsight" value={url} error={shown.url} onChange={(e) => setUrl(e.currentTarget.value)} data-autofocus />
            <TextInput label="Description" name="description" placeholder="Team bot" value={description} error={shown.description} onChange={(e) => setDescription(e.currentTarget.value)} />
            <MultiSelect label="Messages" description="Leave empty for every kind" data={kindOptions} value={kinds} error={shown.kinds} onChange={(v) => setKinds(v as NotificationKind[])} clearable searchable />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Add endpoint</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Admin → Webhooks: outbound webhook endpoints, signed per Standard Webhooks. Never about restricted incidents. */
export default function WebhooksPage() {
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const list = useQuery({ queryKey: queryKeys.webhookEndpoints, queryFn: ({ signal }) => webhookEndpointsApi.list(signal) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints });
  const toggle = useMutation({ mutationFn: (e: WebhookEndpoint) => webhookEndpointsApi.update(e.id, { enabled: !e.enabled }), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (e: WebhookEndpoint) => webhookEndpointsApi.remove(e.id),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'teal', title: 'Endpoint removed', message: 'Deliveries still queued for it are skipped.' });
    },
  });
  const items = list.data?.items ?? [];
  const newButton = <Button leftSection={<IconPlus size={16} />} onClick={open}>New endpoint</Button>;
  return (
    <Page
      title="Webhooks"
      description="Hindsight POSTs each message to these endpoints as JSON, signed with the endpoint's secret (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Messages about restricted incidents are never sent."
      actions={newButton}
      maxWidth={1100}
    >
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <ListCard
        pending={list.isPending}
        empty={
          items.length === 0 ? (
            <EmptyState py={56} variant="light" icon={<IconWebhook size={26} />} title="No webhook endpoints" description="Add one to send reviews published, reminders and other messages to your own tools.">
              <EmptyState.Actions>{newButton}</EmptyState.Actions>
            </EmptyState>
          ) : null
        }
        head={
          <>
            <Table.Th>URL</Table.Th>
            <Table.Th>Messages</Table.Th>
            <Table.Th w={110}>Enabled</Table.Th>
            <Table.Th w={120}>Added</Table.Th>
            <Table.Th w={96} />
          </>
        }
      >
        {items.map((endpoint) => (
          <Table.Tr key={endpoint.id} data-testid="webhook-row">
            <Table.Td>
              <Text fz="sm" fw={600} style={{ wordBreak: 'break-all' }}>{endpoint.url}</Text>
              {endpoint.description && <Text fz="xs" c="dimmed">{endpoint.description}</Text>}
            </Table.Td>
            <Table.Td>
              {endpoint.kinds.length === 0 ? <Badge variant="light" color="gray">Every kind</Badge> : <Group gap={4}>{endpoint.kinds.map((k) => <Badge key={k} variant="light">{k}</Badge>)}</Group>}
            </Table.Td>
            <Table.Td><Switch checked={endpoint.enabled} onChange={() => toggle.mutate(endpoint)} aria-label={`Enabled: ${endpoint.url}`} /></Table.Td>
            <Table.Td><Timestamp value={endpoint.createdAt} format="date" fz="sm" /></Table.Td>
            <Table.Td ta="right">
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(endpoint)} aria-label={`Remove ${endpoint.url}`}>Remove</Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListCard>
      <NewEndpointModal opened={creating} onClose={close} />
    </Page>
  );
}
