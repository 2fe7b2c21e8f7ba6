import * as client from 'openid-client';
import { AppError } from '../../shared/errors.js';
import { changedFields } from '../../shared/events/domain-events.js';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { recordChange } from '../events/record-change.js';
import { startSession, type SignedIn } from './auth.service.js';
import * as repo from './oidc.repo.js';
import { randomSecret, sha256 } from './secrets.js';
import { actorOf } from './principal.js';
import { auditedUser, normalizeEmail, type UserRow } from './user.mapper.js';
import { findUserByEmail, findUserByOidcIdentity, linkOidcIdentity } from './users.repo.js';
import { insertUserRecord } from './users.service.js';

export type OidcSettings = NonNullable<Config['auth']['oidc']>;

/** The browser keeps only a random handle to the sign-in's PKCE verifier, state and nonce, which stay in the database. */
export const OIDC_COOKIE = 'hindsight_oidc';
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;
export const oidcCallbackPath = '/api/auth/oidc/callback';

const discovered = new WeakMap<OidcSettings, Promise<client.Configuration>>();

/**
 * The provider's metadata, discovered once per process (again after a failure). openid-client
 * refuses plain http; config.ts allows an http issuer only on localhost/127.0.0.1 (a local test or
 * development provider), and only then is that refusal lifted.
 */
function providerConfiguration(oidc: OidcSettings): Promise<client.Configuration> {
  let pending = discovered.get(oidc);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    const auth = oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None();
    // allowInsecureRequests is marked deprecated only to stand out: used for loopback http issuers only (see config.ts).
    const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
    pending = client.discovery(issuer, oidc.clientId, undefined, auth, options);
    pending.catch(() => discovered.delete(oidc));
    discovered.set(oidc, pending);
  }
  return pending;
}

export const redirectUri = (config: Config): string => `${config.publicUrl}${oidcCallbackPath}`;

/** Deletes sign-ins never finished in time (a periodic job, accounts-prune.job.ts); returns how many. */
export const pruneExpiredOidcLogins = (ctx: AppContext): Promise<number> => repo.deleteExpiredOidcLogins(ctx.db, ctx.now().toISOString());

/** Where to send the browser to sign in, and the handle for the short-lived cookie. */
export async function startOidcSignIn(ctx: AppContext, oidc: OidcSettings): Promise<{ url: string; handle: string }> {
  const configuration = await providerConfiguration(oidc).catch((cause: unknown) => {
    // The reason (DNS, TLS, bad metadata) goes to the log, not to an anonymous caller.
    throw Object.assign(new AppError('internal', 'Single sign-on is unavailable: the OpenID provider could not be reached'), { cause });
  });
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const handle = randomSecret();
  const now = ctx.now();
  await repo.insertOidcLogin(
    ctx.db,
    { handle_hash: sha256(handle), state, nonce, code_verifier: codeVerifier, expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MS).toISOString() },
    now.toISOString(),
  );
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(ctx.config),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, handle };
}

export class OidcSignInError extends Error {
  constructor(
    readonly reason: 'expired' | 'failed' | 'no_email' | 'email_taken' | 'disabled',
    message: string,
  ) {
    super(message);
  }
}

interface Identity {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * The account for a verified identity: the one linked to issuer + subject; else an unlinked account
 * with the same, provider-verified email, which gets linked; else a new account with the default
 * role. An email already used by an account linked elsewhere, or not verified, is refused.
 */
async function accountFor(ctx: AppContext, oidc: OidcSettings, identity: Identity): Promise<UserRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const linked = await findUserByOidcIdentity(trx, identity.issuer, identity.subject);
    if (linked) return linked;
    const sameEmail = await findUserByEmail(trx, normalizeEmail(identity.email));
    if (sameEmail) {
      if (sameEmail.oidc_subject !== null || !identity.emailVerified) {
        throw new OidcSignInError('email_taken', `An account with ${identity.email} already exists and cannot be linked to this identity`);
      }
      await linkOidcIdentity(trx, sameEmail.id, identity.issuer, identity.subject, ctx.now().toISOString());
      const linkedNow = { ...sameEmail, oidc_issuer: identity.issuer, oidc_subject: identity.subject };
      const audit = { action: 'user.oidc_link', entityType: 'user', entityId: sameEmail.id, before: auditedUser(sameEmail), after: { ...auditedUser(linkedNow), oidcIssuer: identity.issuer } };
      const fields = changedFields(auditedUser(sameEmail), auditedUser(linkedNow));
      await recordChange(ctx, trx, { type: 'user.changed', userId: sameEmail.id, fields }, audit, actorOf(sameEmail));
      return linkedNow;
    }
    return insertUserRecord(ctx, trx, 'self', {
      email: identity.email,
      name: identity.name,
      role: oidc.defaultRole,
      passwordHash: null,
      oidc: { issuer: identity.issuer, subject: identity.subject },
    });
  });
}

/**
 * The provider sent the browser back: exchanges the code (PKCE, state and nonce checked by
 * openid-client, the ID token's signature, issuer, audience and expiry too), finds or creates the
 * account and starts a session.
 */
export async function finishOidcSignIn(ctx: AppContext, oidc: OidcSettings, handle: string | undefined, query: string, previousToken?: string): Promise<SignedIn> {
  const login = handle ? await repo.takeOidcLogin(ctx.db, sha256(handle)) : undefined;
  if (!login || login.expires_at <= ctx.now().toISOString()) throw new OidcSignInError('expired', 'The sign-in took too long or was already used: start again');
  let claims: Record<string, unknown> & { iss: string; sub: string };
  try {
    const configuration = await providerConfiguration(oidc);
    const tokens = await client.authorizationCodeGrant(configuration, new URL(`${redirectUri(ctx.config)}${query}`), {
      pkceCodeVerifier: login.code_verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('no ID token');
    claims = idToken;
    // Many providers put email and name only in UserInfo (OIDC Core 5.4); its subject must match.
    if (typeof idToken.email !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...idToken, ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), iss: idToken.iss, sub: idToken.sub };
    }
  } catch (error) {
    throw new OidcSignInError('failed', `The OpenID provider did not complete the sign-in: ${error instanceof Error ? error.message : String(error)}`);
  }
  const email = typeof claims.email === 'string' ? claims.email : null;
  if (!email) throw new OidcSignInError('no_email', 'The OpenID provider did not share an email address (the "email" scope)');
  const name = [claims.name, claims.preferred_username, email].find((value): value is string => typeof value === 'string' && value.trim() !== '')!;
  // email_verified is a boolean, but some providers (Amazon Cognito) send the string "true".
  const identity = { issuer: claims.iss, subject: claims.sub, email, emailVerified: claims.email_verified === true || claims.email_verified === 'true', name: name.trim().slice(0, 200) };
  const user = await accountFor(ctx, oidc, identity).catch((error: unknown) => {
    // Two first sign-ins racing for the same email: the loser is told as if it came second.
    if (error instanceof AppError && error.code === 'conflict') throw new OidcSignInError('email_taken', error.message);
    throw error;
  });
  if (user.disabled === 1) throw new OidcSignInError('disabled', 'This account is disabled: ask an admin to enable it');
  return startSession(ctx, user, 'oidc', previousToken);
}
