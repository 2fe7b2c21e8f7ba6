import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Session, User } from '../../shared/accounts/account.schema.js';
import { roleAtLeast, type Role } from '../../shared/accounts/roles.js';
import { authApi } from '../api/auth.js';
import { setCsrfToken } from '../api/client.js';
import { isApiError } from '../api/errors.js';
import { QueryError } from '../ui/QueryError.js';

export const sessionKey = ['session'] as const;

export interface SessionState {
  /** The signed-in user; null only outside the signed-in area (sign-in and setup pages). */
  user: User | null;
  role: Role;
  /** Responder or admin: may create and edit incidents, reviews and action items. */
  canWrite: boolean;
  isAdmin: boolean;
}

const nobody: SessionState = { user: null, role: 'viewer', canWrite: false, isAdmin: false };

const SessionContext = createContext<SessionState>(nobody);

export function stateOf(session: Session | null | undefined): SessionState {
  if (!session) return nobody;
  const role = session.user.role;
  return { user: session.user, role, canWrite: roleAtLeast(role, 'responder'), isAdmin: role === 'admin' };
}

/** Who is signed in and what they may do. Read-only (viewer) defaults outside a SessionProvider. */
export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Remembers a fresh session (after sign-in or setup) so the app does not ask for it again. */
export function useRememberSession(): (session: Session) => void {
  const queryClient = useQueryClient();
  return (session) => {
    queryClient.clear();
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
  };
}

/**
 * The signed-in area: loads GET /api/auth/session once, keeps the CSRF token for writes, and sends
 * anyone not signed in to /sign-in?next=<where they were going>.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => authApi.session(signal), staleTime: Infinity, retry: false });
  useEffect(() => {
    if (session.data) setCsrfToken(session.data.csrfToken);
  }, [session.data]);
  const value = useMemo(() => stateOf(session.data), [session.data]);

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) {
      const next = `${location.pathname}${location.search}${location.hash}`;
      return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Center h="100vh" p="xl">
        <QueryError error={session.error} onRetry={() => void session.refetch()} title="Could not check who is signed in" />
      </Center>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
