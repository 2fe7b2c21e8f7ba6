import { Alert, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { userCreateSchema } from '../../../shared/accounts/account.schema.js';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-rules.js';
import { roles, type Role } from '../../../shared/accounts/roles.js';
import { usersApi } from '../../api/accounts.js';
import { queryKeys } from '../../api/query-keys.js';
import { roleLabel } from '../../ui/badges.js';
import { formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';

const roleHelp: Record<Role, string> = {
  viewer: 'Reads incidents and reviews',
  responder: 'Also records incidents and writes reviews',
  admin: 'Also manages users and reads the audit log',
};
const empty = { name: '', email: '', role: 'responder' as Role, password: '' };
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: usersApi.create,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notifications.show({ color: 'teal', title: 'User created', message: `${user.name} can sign in now.` });
      close();
    },
  });
  const close = () => {
    onClose();
    setValues(empty);
    setErrors({});
    create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = userCreateSchema.safeParse({ ...values, email: values.email.trim(), password: values.password || undefined });
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, m]) => [k, capitalised(m)])));
    if (parsed.success) create.mutate(parsed.data);
  };
  const shown = { ...serverFieldErrors(create.error), ...errors };
  const formError = formLevelError(create.error, shown);
  const set = (key: keyof typeof empty, value: string) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <Modal opened={opened} onClose={close} size="lg" title={<Text fw={650}>New user</Text>}>
      <form onSubmit={submit} aria-label="New user" noValidate>
        <Stack gap="md">
          {formError && <Alert color="red" icon={<IconAlertCircle size={18} />}>{formError}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" name="name" required value={values.name} error={shown.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
            <TextInput label="Email" name="email" type="email" required value={values.email} error={shown.email} onChange={(e) => set('email', e.currentTarget.value)} />
          </SimpleGrid>
          <Select label="Role" name="role" description={roleHelp[values.role]} data={roles.map((r) => ({ value: r, label: roleLabel[r] }))} value={values.role} error={shown.role} onChange={(v) => v && set('role', v)} />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="new-password"
            description={`Optional: without one they sign in with single sign-on only. At least ${PASSWORD_MIN_LENGTH} characters.`}
            value={values.password}
            error={shown.password}
            onChange={(e) => set('password', e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create user</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
