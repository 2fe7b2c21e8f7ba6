import type { Providers, Session, Setup, SignIn } from '../../shared/accounts/account.schema.js';
import { api } from './client.js';

export const authApi = {
  session: (signal?: AbortSignal) => api.get<Session>('/api/auth/session', undefined, signal),
  providers: (signal?: AbortSignal) => api.get<Providers>('/api/auth/providers', undefined, signal),
  setupStatus: (signal?: AbortSignal) => api.get<{ needed: boolean }>('/api/setup', undefined, signal),
  setup: (input: Setup) => api.post<Session>('/api/setup', input),
  signIn: (input: SignIn) => api.post<Session>('/api/auth/sign-in', input),
  signOut: () => api.post<undefined>('/api/auth/sign-out'),
};
