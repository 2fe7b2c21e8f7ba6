import type { Setup, User, UserCreate, UserListQuery, UserUpdate } from '../../shared/accounts/account.schema.js';
import { passwordProblem } from '../../shared/accounts/password-rules.js';
import { PEOPLE_LIMIT, type PeopleQuery, type Person } from '../../shared/accounts/people.schema.js';
import { AppError, notFound } from '../../shared/errors.js';
import { changedFields } from '../../shared/events/domain-events.js';
import type { Actor } from '../access/actor.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { isUniqueViolation, transactionLock } from '../db/dialect.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { invalidField, versionConflict } from '../http/version-conflict.js';
import { hashPassword } from './passwords.js';
import { principalCacheOf } from './principal-cache.js';
import { endUserSessions } from './sessions.service.js';
import { revokeAllTokensOf } from './tokens.service.js';
import { auditedUser, normalizeEmail, toUser, type UserRow } from './user.mapper.js';
import * as repo from './users.repo.js';
import { actorOf } from './principal.js';

/** Held while users are created or their role or status changes: keeps "the first user" and "the last admin" true. */
const USERS_LOCK = 0x48_53_55_01;

const emailTaken = () => new AppError('conflict', 'A user with this email address already exists');

export interface NewUser {
  email: string;
  name: string;
  role: UserCreate['role'];
  passwordHash: string | null;
  oidc?: { issuer: string; subject: string };
}

/**
 * Inserts a user inside the caller's transaction and records it in the audit log, as done by
 * `actor`, or by the new user themselves ('self': first-run setup, single sign-on).
 */
export async function insertUserRecord(ctx: AppContext, trx: Executor, actor: Actor | 'self', user: NewUser): Promise<UserRow> {
  const nowIso = ctx.now().toISOString();
  const email = normalizeEmail(user.email);
  if (await repo.findUserByEmail(trx, email)) throw emailTaken();
  let row: UserRow;
  try {
    row = await repo.insertUser(trx, {
      email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      oidc_issuer: user.oidc?.issuer ?? null,
      oidc_subject: user.oidc?.subject ?? null,
      created_at: nowIso,
      updated_at: nowIso,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  const by = actor === 'self' ? { userId: row.id, name: row.name, role: row.role as Actor['role'] } : actor;
  await recordChange(ctx, trx, { type: 'user.created', userId: row.id }, { action: 'user.create', entityType: 'user', entityId: row.id, before: null, after: auditedUser(row) }, by);
  return row;
}

/** The user as an actor, while their account is active (jobs acting for someone); null once it is gone or disabled. */
export async function activeActorOf(ctx: AppContext, id: number): Promise<(Actor & { userId: number }) | null> {
  const user = await repo.findUserById(ctx.db, id);
  return user && !user.disabled ? actorOf(user) : null;
}

export async function getUser(ctx: AppContext, id: number): Promise<User> {
  const row = await repo.findUserById(ctx.db, id);
  if (!row) throw notFound('User', id);
  return toUser(row);
}

export async function listUsers(ctx: AppContext, query: UserListQuery) {
  const cursor = decodeCursor(query.cursor, ['id'] as const);
  const rows = await repo.listUsers(ctx.db, cursor?.id ?? null, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toUser), nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}

/** Every account's name and e-mail address, for finding them in text meant for outside readers (sharing/). */
export const listAccountNames = (ctx: AppContext) => repo.listNamesAndEmails(ctx.db);

export async function createUser(ctx: AppContext, actor: Actor, input: UserCreate): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await transactionLock(trx, USERS_LOCK);
    return toUser(await insertUserRecord(ctx, trx, actor, { ...input, passwordHash }));
  });
}

/** The audit action that best names an update; the entry's before and after show every field. */
function updateAction(update: UserUpdate, before: UserRow): string {
  if (update.role !== undefined && update.role !== before.role) return 'user.role_change';
  if (update.disabled !== undefined && update.disabled !== (before.disabled === 1)) return update.disabled ? 'user.disable' : 'user.enable';
  if (update.password !== undefined) return 'user.password_reset';
  return 'user.update';
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, update: UserUpdate): Promise<User> {
  const { version, password, ...changes } = update;
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await transactionLock(trx, USERS_LOCK);
    const before = await repo.findUserById(trx, id);
    if (!before) throw notFound('User', id);
    if (before.version !== version) throw versionConflict(`User ${id}`, toUser(before), version);
    if (password !== undefined) {
      const problem = passwordProblem(password, before.email);
      if (problem) throw invalidField('password', problem);
    }
    const staysActiveAdmin = (changes.role ?? before.role) === 'admin' && !(changes.disabled ?? before.disabled === 1);
    if (before.role === 'admin' && before.disabled === 0 && !staysActiveAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
      throw new AppError('conflict', 'This is the last active admin: make someone else an admin first');
    }
    const after = await repo.updateUser(trx, id, version, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) {
      const current = await repo.findUserById(trx, id);
      throw versionConflict(`User ${id}`, current ? toUser(current) : null, version);
    }
    // Signing out everywhere: a disabled user, or a password someone else may have known (who may
    // also have made API tokens with it: a reset revokes them too).
    if (changes.disabled || passwordHash !== undefined) await endUserSessions(trx, id);
    if (passwordHash !== undefined) await revokeAllTokensOf(ctx, trx, actor, id);
    // The hash is never audited: a reset shows in the event as the field `password`.
    const fields = [...changedFields(auditedUser(before), auditedUser(after)), ...(passwordHash !== undefined ? ['password'] : [])];
    const audit = { action: updateAction(update, before), entityType: 'user', entityId: id, before: auditedUser(before), after: auditedUser(after) };
    await recordChange(ctx, trx, { type: 'user.changed', userId: id, fields }, audit, actor);
    return toUser(after);
  });
  // After the commit: the user's API tokens now act with the new role, or not at all.
  principalCacheOf(ctx.db).clear();
  return updated;
}

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return (await repo.countUsers(ctx.db)) === 0;
}

/**
 * The first admin, created only while there are no users at all (409 afterwards), inside the
 * caller's transaction; concurrent attempts are serialised so exactly one wins.
 */
export async function createFirstAdmin(ctx: AppContext, trx: Executor, input: Setup, passwordHash: string): Promise<UserRow> {
  await transactionLock(trx, USERS_LOCK);
  if ((await repo.countUsers(trx)) > 0) throw new AppError('conflict', 'Hindsight is already set up: sign in, or ask an admin for an account');
  return insertUserRecord(ctx, trx, 'self', { email: input.email, name: input.name, role: 'admin', passwordHash });
}

/** Creates a user from the command line (an admin, typically), whatever users exist. */
export async function createUserFromCli(ctx: AppContext, actor: Actor, user: NewUser): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    await transactionLock(trx, USERS_LOCK);
    return toUser(await insertUserRecord(ctx, trx, actor, user));
  });
}

/**
 * The people directory for picking incident members: active users by name prefix, and for admins
 * (who may read every account anyway) by email prefix too. Others never match on email: answers
 * to one prefix after another would spell out anyone's address.
 */
export async function searchPeople(ctx: AppContext, query: PeopleQuery): Promise<{ items: Person[] }> {
  return { items: await repo.searchPeople(ctx.db, query.q ?? '', PEOPLE_LIMIT, ctx.actor?.role === 'admin') };
}
