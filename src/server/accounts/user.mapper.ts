import type { Selectable } from 'kysely';
import type { User } from '../../shared/accounts/account.schema.js';
import type { Role } from '../../shared/accounts/roles.js';
import type { UsersTable } from '../db/schema.js';

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    hasPassword: row.password_hash !== null,
    singleSignOn: row.oidc_subject !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a user: never the password hash. */
export const auditedUser = (row: UserRow) => {
  const { version: _version, createdAt: _created, updatedAt: _updated, ...rest } = toUser(row);
  return rest;
};

/** Emails are unique whatever their case: stored trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
