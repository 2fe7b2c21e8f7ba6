import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconRocket } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { setupSchema, type Setup } from '../../../shared/accounts/account.schema.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../../shared/accounts/password-rules.js';
import { authApi } from '../../api/auth.js';
import { queryKeys } from '../../api/query-keys.js';
import { useRememberSession } from '../../app/session.js';
import { currentFieldErrors, formLevelError, serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { AuthLayout } from './AuthLayout.js';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** First run: the first account, an admin, created while Hindsight has no users. */
export default function SetupPage() {
  const navigate = useNavigate();
  const remember = useRememberSession();
  const [values, setValues] = useState<Setup>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState<Setup | null>(null);
  const status = useQuery({ queryKey: queryKeys.setupStatus, queryFn: ({ signal }) => authApi.setupStatus(signal) });
  const setup = useMutation({
    mutationFn: authApi.setup,
    onSuccess: (session) => {
      remember(session);
      void navigate('/incidents', { replace: true });
    },
  });
  if (status.data && !status.data.needed && !setup.isSuccess) return <Navigate to="/sign-in" replace />;

  const set = (key: keyof Setup, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const check = (candidate: Setup): FieldErrors => {
    const parsed = setupSchema.safeParse({ ...candidate, email: candidate.email.trim() });
    return parsed.success ? {} : Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, m]) => [k, capitalised(m)]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    setSubmitted(values);
    const parsed = setupSchema.safeParse({ ...values, email: values.email.trim() });
    if (parsed.success && Object.keys(found).length === 0) setup.mutate(parsed.data);
  };
  const shown = currentFieldErrors({ ...serverFieldErrors(setup.error), ...errors }, submitted, values, check(values));
  const problem = values.password ? passwordProblem(values.password, values.email) : null;
  const formError = formLevelError(setup.error, shown);

  return (
    <AuthLayout title="Set up Hindsight" description="Create the first account. It is an admin: it can invite everyone else and decide their roles.">
      <form onSubmit={submit} aria-label="Set up Hindsight" noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Your name" name="name" autoComplete="name" required value={values.name} error={shown.name} onChange={(e) => set('name', e.currentTarget.value)} autoFocus />
          <TextInput label="Email" name="email" type="email" autoComplete="username" required value={values.email} error={shown.email} onChange={(e) => set('email', e.currentTarget.value)} />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="new-password"
            required
            description={problem ? `Password ${problem}` : `At least ${PASSWORD_MIN_LENGTH} characters; a passphrase is easiest to remember`}
            value={values.password}
            error={shown.password}
            onChange={(e) => set('password', e.currentTarget.value)}
          />
          <Button type="submit" size="md" loading={setup.isPending} leftSection={<IconRocket size={18} />} fullWidth>
            Create admin account
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
