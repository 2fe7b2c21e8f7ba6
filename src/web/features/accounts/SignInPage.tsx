import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconKey, IconLogin2 } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SignIn } from '../../../shared/accounts/account.schema.js';
import { authApi } from '../../api/auth.js';
import { isApiError } from '../../api/errors.js';
import { queryKeys } from '../../api/query-keys.js';
import { useRememberSession } from '../../app/session.js';
import { AuthLayout } from './AuthLayout.js';
import { oidcError, safeNext } from './sign-in-messages.js';

function failure(error: unknown): string {
  if (isApiError(error) && error.status === 429) return `${error.message}. Wait a few minutes before trying again.`;
  if (isApiError(error) && error.code === 'validation_failed') return 'Enter your email address and password.';
  return error instanceof Error ? error.message : 'Could not sign in';
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const sso = oidcError(params.get('error'));
  const navigate = useNavigate();
  const remember = useRememberSession();
  const [values, setValues] = useState<SignIn>({ email: '', password: '' });
  const providers = useQuery({ queryKey: queryKeys.providers, queryFn: ({ signal }) => authApi.providers(signal), staleTime: 60_000 });
  const setup = useQuery({ queryKey: queryKeys.setupStatus, queryFn: ({ signal }) => authApi.setupStatus(signal), staleTime: 60_000 });
  const signIn = useMutation({
    mutationFn: authApi.signIn,
    onSuccess: (session) => {
      remember(session);
      void navigate(next, { replace: true });
    },
  });
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  const oidc = providers.data?.oidc ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: values.email.trim(), password: values.password });
  };

  return (
    <AuthLayout title="Sign in" description="Welcome back. Sign in to read and write incident reviews.">
      {sso && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={sso.title} role="alert" data-testid="sign-in-error">
          {sso.message}
        </Alert>
      )}
      {oidc && (
        <>
          <Button component="a" href={oidc.startUrl} size="md" variant="default" leftSection={<IconKey size={18} />} fullWidth>
            Sign in with {oidc.name}
          </Button>
          <Divider label="or with your email and password" labelPosition="center" />
        </>
      )}
      <form onSubmit={submit} aria-label="Sign in" noValidate>
        <Stack gap="md">
          {signIn.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="sign-in-error">
              {failure(signIn.error)}
            </Alert>
          )}
          <TextInput label="Email" name="email" type="email" autoComplete="username" required value={values.email} onChange={(e) => setValues({ ...values, email: e.currentTarget.value })} autoFocus />
          <PasswordInput label="Password" name="password" autoComplete="current-password" required value={values.password} onChange={(e) => setValues({ ...values, password: e.currentTarget.value })} />
          <Button type="submit" size="md" loading={signIn.isPending} leftSection={<IconLogin2 size={18} />} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <Text fz="xs" c="dimmed" ta="center">
        No account yet? An admin creates accounts{oidc ? `, or sign in with ${oidc.name}` : ''}.{' '}
        <Anchor href="/api/docs" fz="xs" underline="always">
          API documentation
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
