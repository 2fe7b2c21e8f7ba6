import type { Setup, SignIn, User } from '../../shared/accounts/account.schema.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext, Executor } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { actorOf, type Principal } from './principal.js';
import { createSession, endSession, type SessionInfo } from './sessions.service.js';
import { reserveSignInAttempt, signInSucceeded, throttleKeys } from './sign-in-throttle.js';
import { normalizeEmail, toUser, type UserRow } from './user.mapper.js';
import { findUserByEmail, setPasswordHash } from './users.repo.js';
import { createFirstAdmin, isSetupNeeded } from './users.service.js';

export interface SignedIn {
  user: User;
  /** The session cookie's value: returned once, stored only as a hash. */
  token: string;
  session: Omit<SessionInfo, 'id'>;
}

/** 429 with the seconds to wait, for the Retry-After header. */
export class SignInThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
  }
}

const recordSessionStarted = (ctx: AppContext, trx: Executor, user: UserRow, method: string): Promise<void> =>
  recordChange(ctx, trx, { type: 'session.started', userId: user.id, method }, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, before: null, after: { method } }, actorOf(user));

/** Starts a session for a user who has proven who they are, ending the one the browser had, if any. */
export async function startSession(ctx: AppContext, user: UserRow, method: 'password' | 'oidc' | 'setup', previousToken?: string): Promise<SignedIn> {
  return ctx.db.transaction().execute(async (trx) => {
    if (previousToken) await endSession(trx, previousToken);
    const { token, session } = await createSession(ctx, trx, user.id);
    await recordSessionStarted(ctx, trx, user, method);
    return { user: toUser(user), token, session };
  });
}

/**
 * Password sign-in. Unknown email, no password or wrong password all get the same answer after the
 * same work (a dummy hash is verified), so answers do not tell which emails have accounts.
 */
export async function signIn(ctx: AppContext, input: SignIn, ip: string, previousToken?: string): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(ip, email);
  // Counted as a failure before the check, and given back if it succeeds (sign-in-throttle.ts).
  const retryAfter = await reserveSignInAttempt(ctx, keys);
  if (retryAfter !== null) throw new SignInThrottled(retryAfter);
  const user = await findUserByEmail(ctx.db, email);
  const matches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !matches) throw new AppError('unauthenticated', 'The email address or password is not right');
  await signInSucceeded(ctx, keys);
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled === 1) throw new AppError('forbidden', 'This account is disabled: ask an admin to enable it');
  if (user.password_hash && needsRehash(user.password_hash)) await setPasswordHash(ctx.db, user.id, await hashPassword(input.password));
  return startSession(ctx, user, 'password', previousToken);
}

export async function signOut(ctx: AppContext, principal: Principal | null, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.transaction().execute(async (trx) => {
    const userId = await endSession(trx, token);
    if (userId === null || principal?.via !== 'session') return;
    const audit = { action: 'auth.sign_out', entityType: 'user', entityId: userId, before: null, after: null };
    await recordChange(ctx, trx, { type: 'session.ended', userId }, audit, principal.actor);
  });
}

/** First run: creates the first admin and signs them in; 409 once any user exists. */
export async function setUp(ctx: AppContext, input: Setup): Promise<SignedIn> {
  const alreadySetUp = () => new AppError('conflict', 'Hindsight is already set up: sign in, or ask an admin for an account');
  if (!(await isSetupNeeded(ctx))) throw alreadySetUp(); // before hashing: a refused request costs nothing
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await createFirstAdmin(ctx, trx, input, passwordHash);
    const { token, session } = await createSession(ctx, trx, user.id);
    await recordSessionStarted(ctx, trx, user, 'setup');
    return { user: toUser(user), token, session };
  });
}
