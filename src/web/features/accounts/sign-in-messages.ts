/** Where to go after signing in: only a path of this app (never another site: no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/incidents';
  if (next.startsWith('/sign-in') || next.startsWith('/setup')) return '/incidents';
  return next;
}

/** Why single sign-on failed (`/sign-in?error=oidc_<reason>`), in words a person can act on. */
const oidcMessages: Record<string, { title: string; message: string }> = {
  oidc_expired: {
    title: 'The sign-in expired',
    message: 'Single sign-on took longer than 10 minutes, or was started in another browser or tab. Please try again.',
  },
  oidc_failed: {
    title: 'Single sign-on did not complete',
    message: 'The identity provider refused the sign-in, or its answer could not be verified. Try again; if it keeps failing, an admin can find the reason in the server log.',
  },
  oidc_no_email: {
    title: 'No email address from the provider',
    message: 'Your identity provider did not share your email address, which Hindsight needs to find your account. Ask your admin to release the email claim.',
  },
  oidc_email_taken: {
    title: 'This email already has an account',
    message: 'A Hindsight account uses your email address but is not linked to this identity, and the provider did not confirm the address. Sign in with your password, or ask an admin.',
  },
  oidc_disabled: {
    title: 'Your account is disabled',
    message: 'An admin has disabled this account. Ask them to enable it again.',
  },
};

export function oidcError(code: string | null): { title: string; message: string } | null {
  if (!code) return null;
  return oidcMessages[code] ?? (code.startsWith('oidc_') ? { title: 'Single sign-on did not complete', message: 'Please try again.' } : null);
}
