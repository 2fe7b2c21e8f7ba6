import { Alert, Button, Checkbox, CopyButton, Group, Modal, PasswordInput, SegmentedControl, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trackerKindLabels, type TrackerConnection, type TrackerKind } from '../../../shared/trackers/tracker.schema.js';
import { queryKeys } from '../../api/query-keys.js';
import { trackersApi, type TrackerConnectionInput } from '../../api/trackers.js';
import { ApiError } from '../../api/errors.js';

const defaults: Record<TrackerKind, { baseUrl: string; project: string; projectLabel: string; tokenLabel: string }> = {
  github: { baseUrl: 'https://api.github.com', project: 'acme/payments', projectLabel: 'Repository (owner/repo)', tokenLabel: 'Token (fine-grained, Issues: read and write)' },
  gitlab: { baseUrl: 'https://gitlab.com', project: 'acme/payments', projectLabel: 'Project (group/project or id)', tokenLabel: 'Token (project access token, api scope)' },
  jira: { baseUrl: 'https://your-site.atlassian.net', project: 'OPS', projectLabel: 'Project key', tokenLabel: 'API token' },
};

/** Where the tracker sends its webhooks, and how: shown once, with the secret. */
export const webhookHelp: Record<TrackerKind, string> = {
  github: 'Repository → Settings → Webhooks → Add webhook: content type application/json, this secret, event “Issues”.',
  gitlab: 'Project → Settings → Webhooks: this secret as the secret token, trigger “Issues events”.',
  jira: 'Jira settings → System → WebHooks → Create: this secret, event “Issue updated”, JQL project = your key.',
};

const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.errors.find((e) => e.field === field)?.message : undefined;

export function ConnectTrackerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TrackerKind>('github');
  const [form, setForm] = useState({ name: '', baseUrl: defaults.github.baseUrl, project: '', username: '', token: '', isDefault: false, services: [] as string[] });
  const [created, setCreated] = useState<(TrackerConnection & { webhookSecret: string }) | null>(null);
  const create = useMutation({
    mutationFn: (input: TrackerConnectionInput) => trackersApi.create(input),
    onSuccess: (connection) => {
      setCreated(connection);
      void queryClient.invalidateQueries({ queryKey: queryKeys.trackers });
    },
  });
  const close = () => {
    setCreated(null);
    create.reset();
    setForm({ name: '', baseUrl: defaults.github.baseUrl, project: '', username: '', token: '', isDefault: false, services: [] });
    setKind('github');
    onClose();
  };
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) => setForm({ ...form, [key]: event.currentTarget.value });
  const webhookUrl = created ? `${window.location.origin}${created.webhookPath}` : '';

  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>{created ? `${created.name} is connected` : 'Connect a tracker'}</Text>}>
      {created ? (
        <Stack>
          <Text fz="sm">Give the tracker this webhook, so closing or reopening an issue there marks its action item done or open here. The secret is shown this once.</Text>
          <TextInput label="Webhook URL" value={webhookUrl} readOnly />
          <Group align="end" gap="xs">
            <TextInput label="Webhook secret" value={created.webhookSecret} readOnly style={{ flex: 1 }} data-testid="webhook-secret" />
            <CopyButton value={created.webhookSecret}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
          <Alert color="blue" variant="light">{webhookHelp[created.kind]}</Alert>
          <Group justify="flex-end"><Button onClick={close}>Done</Button></Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ ...form, kind, username: kind === 'jira' ? form.username : null });
          }}
        >
          <Stack>
            <SegmentedControl
              value={kind}
              onChange={(value) => {
                const next = value as TrackerKind;
                setKind(next);
                setForm({ ...form, baseUrl: defaults[next].baseUrl });
              }}
              data={(['github', 'gitlab', 'jira'] as const).map((k) => ({ value: k, label: trackerKindLabels[k] }))}
            />
            <TextInput label="Name" required value={form.name} onChange={set('name')} placeholder="Payments team" error={fieldError(create.error, 'name')} />
            <TextInput label="API URL" required value={form.baseUrl} onChange={set('baseUrl')} error={fieldError(create.error, 'baseUrl')} />
            <TextInput label={defaults[kind].projectLabel} required value={form.project} onChange={set('project')} placeholder={defaults[kind].project} error={fieldError(create.error, 'project')} />
            {kind === 'jira' && <TextInput label="Account e-mail" required value={form.username} onChange={set('username')} error={fieldError(create.error, 'username')} />}
            <PasswordInput label={defaults[kind].tokenLabel} required value={form.token} onChange={set('token')} description="Kept on the server; never shown again" error={fieldError(create.error, 'token')} />
            <TagsInput label="Services" description="Action items of incidents in these services go to this tracker" value={form.services} onChange={(services) => setForm({ ...form, services })} error={fieldError(create.error, 'services')} />
            <Checkbox label="Default: also for services no tracker serves" checked={form.isDefault} onChange={(e) => setForm({ ...form, isDefault: e.currentTarget.checked })} />
            {create.error && !(create.error instanceof ApiError && create.error.errors.length) && <Alert color="red">{create.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Connect</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
