import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SecretValue } from '../../ui/SecretValue.js';
import { useState, type FormEvent } from 'react';
import { roles, roleAtLeast, type Role } from '../../../shared/accounts/roles.js';
import { apiTokenCreateSchema, TOKEN_DEFAULT_DAYS, type ApiTokenCreated } from '../../../shared/accounts/token.schema.js';
import { tokensApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { roleLabel } from '../../ui/badges.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { formatDate } from '../../ui/format.js';

const expiries = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: '366', label: '1 year' },
];

const roleHelp: Record<Role, string> = {
  viewer: 'Read only: export, reporting, dashboards',
  responder: 'Read and write incidents, reviews, timelines, action items',
  admin: 'Everything, including users and the audit log',
};

/** The secret, shown this once, with a copy button. */
function Secret({ created, onDone }: { created: ApiTokenCreated; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} title="Copy your token now">
        This is the only time it is shown. Hindsight keeps only a fingerprint of it; if you lose it, revoke it and make a new one.
      </Alert>
      <SecretValue value={created.token} testId="token-secret" />
      <Text fz="sm" c="dimmed">
        Send it as <Code>Authorization: Bearer …</Code>. It acts as a {roleLabel[created.role].toLowerCase()} at most and expires on{' '}
        {created.expiresAt ? formatDate(created.expiresAt, 'date') : 'never'}.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

export function NewTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { role: myRole } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(myRole === 'admin' ? 'responder' : myRole);
  const [days, setDays] = useState(String(TOKEN_DEFAULT_DAYS));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: tokensApi.create,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
  const close = () => {
    onClose();
    create.reset();
    setName('');
    setErrors({});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = apiTokenCreateSchema.safeParse({ name, role, expiresInDays: Number(days) });
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) create.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(create.error), ...errors };
  const formError = formLevelError(create.error, shown);

  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>{create.data ? 'Token created' : 'New API token'}</Text>}>
      {create.data ? (
        <Secret created={create.data} onDone={close} />
      ) : (
        <form onSubmit={submit} aria-label="New API token" noValidate>
          <Stack gap="md">
            {formError && <Alert color="red" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
            <TextInput label="Name" name="name" description="What uses it, so you recognise it later" placeholder="Deploy pipeline" value={name} error={shown.name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <Select
              label="Role ceiling"
              name="role"
              description={`${roleHelp[role]}. It never does more than your own role allows.`}
              data={roles.filter((r) => roleAtLeast(myRole, r)).map((r) => ({ value: r, label: roleLabel[r] }))}
              value={role}
              error={shown.role}
              onChange={(v) => v && setRole(v as Role)}
            />
            <Select label="Expires after" name="expiresInDays" data={expiries} value={days} error={shown.expiresInDays} onChange={(v) => v && setDays(v)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Create token</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
