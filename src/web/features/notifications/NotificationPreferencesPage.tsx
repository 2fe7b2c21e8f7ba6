import { Alert, Button, Card, Center, Checkbox, Group, Loader, Select, Stack, Switch, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import {
  notificationKindLabels,
  notificationKinds,
  notificationPreferencesUpdateSchema,
  type NotificationKind,
  type NotificationPreferencesState,
} from '../../../shared/notifications/notification.schema.js';
import { notificationsApi } from '../../api/notifications.js';
import { queryKeys } from '../../api/query-keys.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { Page } from '../../ui/Page.js';
import { QueryError } from '../../ui/QueryError.js';

const hours = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }));

/** Settings → Notifications: which messages you get, on which channel, and a daily digest instead of immediate mail. */
export default function NotificationPreferencesPage() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.notificationPreferences, queryFn: ({ signal }) => notificationsApi.preferences(signal) });
  const [draft, setDraft] = useState<NotificationPreferencesState | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (query.data) setDraft(query.data);
  }, [query.data]);
  const save = useMutation({
    mutationFn: notificationsApi.savePreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.notificationPreferences, saved);
      notifications.show({ color: 'teal', title: 'Notification preferences saved', message: saved.digest.enabled ? `E-mail comes as one digest at ${String(saved.digest.hour).padStart(2, '0')}:00` : 'E-mail comes as things happen' });
    },
    onError: (error) => {
      if ((error as { status?: number }).status === 409) void query.refetch();
    },
  });

  if (query.isError) return <Page title="Notifications"><QueryError error={query.error} onRetry={() => void query.refetch()} /></Page>;
  if (!draft) return <Center py={80}><Loader size="sm" /></Center>;

  const setKind = (kind: NotificationKind, channel: 'email' | 'slack', on: boolean) => setDraft({ ...draft, kinds: { ...draft.kinds, [kind]: { ...draft.kinds[kind], [channel]: on } } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { channels: _channels, ...body } = draft;
    const parsed = notificationPreferencesUpdateSchema.safeParse({ ...body, slackUserId: body.slackUserId?.trim() || null });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(save.error), ...errors };
  const formError = formLevelError(save.error, shown);

  return (
    <Page title="Notifications" description="What Hindsight tells you, and how. Nothing is ever sent about an incident you may not see." maxWidth={1000}>
      <form onSubmit={submit} aria-label="Notification preferences" noValidate>
        <Stack gap="lg">
          {formError && <Alert color="red" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
          {(!draft.channels.email || !draft.channels.slack) && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
              {!draft.channels.email && 'E-mail is not set up on this server yet. '}
              {!draft.channels.slack && 'Slack direct messages are not set up on this server. '}
              Your choices are kept and apply once an administrator sets them up.
            </Alert>
          )}
          <Card p={0} style={{ overflow: 'hidden' }}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Message</Table.Th>
                  <Table.Th w={90} ta="center">E-mail</Table.Th>
                  <Table.Th w={90} ta="center">Slack</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notificationKinds.map((kind) => (
                  <Table.Tr key={kind} data-testid="notification-kind">
                    <Table.Td><Text fz="sm">{notificationKindLabels[kind]}</Text></Table.Td>
                    <Table.Td><Center><Checkbox aria-label={`${notificationKindLabels[kind]}: e-mail`} checked={draft.kinds[kind].email} onChange={(e) => setKind(kind, 'email', e.currentTarget.checked)} /></Center></Table.Td>
                    <Table.Td><Center><Checkbox aria-label={`${notificationKindLabels[kind]}: Slack`} checked={draft.kinds[kind].slack} onChange={(e) => setKind(kind, 'slack', e.currentTarget.checked)} /></Center></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>

          <Card>
            <Stack gap="sm">
              <Title order={3} fz="md">Daily digest</Title>
              <Switch
                label="Send my e-mail as one digest a day instead of at once"
                description="Meeting invitations (with their calendar file) and your teams' weekly digest still come at once."
                checked={draft.digest.enabled}
                onChange={(e) => setDraft({ ...draft, digest: { ...draft.digest, enabled: e.currentTarget.checked } })}
              />
              <Group grow align="flex-start">
                <Select label="At" data={hours} value={String(draft.digest.hour)} disabled={!draft.digest.enabled} error={shown['digest.hour']} onChange={(v) => v && setDraft({ ...draft, digest: { ...draft.digest, hour: Number(v) } })} allowDeselect={false} />
                <TextInput label="Time zone" description="IANA name, e.g. Europe/Copenhagen" value={draft.digest.timeZone} disabled={!draft.digest.enabled} error={shown['digest.timeZone']} onChange={(e) => setDraft({ ...draft, digest: { ...draft.digest, timeZone: e.currentTarget.value } })} />
              </Group>
            </Stack>
          </Card>

          <Card>
            <Stack gap="sm">
              <Title order={3} fz="md">Slack and services</Title>
              <TextInput
                label="Your Slack member ID"
                description="In Slack: your profile → ⋯ → Copy member ID. Slack messages come to you as direct messages."
                placeholder="U024BE7LH"
                value={draft.slackUserId ?? ''}
                error={shown.slackUserId}
                onChange={(e) => setDraft({ ...draft, slackUserId: e.currentTarget.value })}
              />
              <TagsInput
                label="Services you follow"
                description="You hear when a review of an incident in one of these services is published."
                placeholder="Type a service and press Enter"
                value={draft.services}
                error={shown.services}
                onChange={(services) => setDraft({ ...draft, services })}
              />
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => query.data && setDraft(query.data)}>Discard changes</Button>
            <Button type="submit" loading={save.isPending}>Save preferences</Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
