import type { Session } from '../../shared/accounts/account.schema.js';
import type { Role } from '../../shared/accounts/roles.js';
import type { Actor } from '../access/actor.js';
import type { SessionInfo } from './sessions.service.js';
import { toUser, type UserRow } from './user.mapper.js';

/** An authenticated caller: the user, how they authenticated, and the actor they act as. */
export interface Principal {
  actor: Actor & { userId: number };
  user: UserRow;
  via: 'session' | 'token';
  /** The browser session (via 'session'): its CSRF token and expiry. */
  session: SessionInfo | null;
  /** The API token's id (via 'token'). */
  tokenId: number | null;
}

export const actorOf = (user: UserRow, role: Role = user.role as Role): Actor & { userId: number } => ({ userId: user.id, name: user.name, role });

export const sessionView = (principal: Principal): Session => ({
  user: { ...toUser(principal.user), role: principal.actor.role },
  via: principal.via,
  csrfToken: principal.session?.csrfToken ?? null,
  expiresAt: principal.session?.expiresAt ?? null,
});
