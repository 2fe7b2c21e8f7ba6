import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AlertSourceKind } from '../../shared/alerts/alert-source.schema.js';
import { AppError } from '../../shared/errors.js';
import { constantTimeEqual, randomSecret } from '../accounts/secrets.js';

/** How far a signed timestamp may be from now, either way: Standard Webhooks' five minutes. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

export type Headers = Record<string, string | string[] | undefined>;

/** What a verified delivery says of itself: its id (for replays) when the scheme or the sender gives one. */
export interface Verified {
  deliveryId: string | null;
}

const unsigned = (message: string) => new AppError('unauthenticated', message);

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const safeEqualBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** A new secret for a source of this kind: Standard Webhooks' whsec_ form for the generic source. */
export const newSecret = (kind: AlertSourceKind): string => (kind === 'generic' ? `whsec_${randomBytes(24).toString('base64')}` : randomSecret());

/** "Authorization: Basic user:<secret>" or "Authorization: Bearer <secret>". */
function verifySharedSecret(headers: Headers, secret: string, what: string): void {
  const authorization = header(headers, 'authorization');
  if (!authorization) throw unsigned(`${what} must send the secret: HTTP basic auth (password = secret) or "Authorization: Bearer <secret>"`);
  const [scheme, value = ''] = authorization.split(/\s+/, 2);
  let given: string | null = null;
  if (scheme?.toLowerCase() === 'bearer') given = value;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    given = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : null;
  }
  if (given === null || !constantTimeEqual(given, secret)) throw unsigned(`The ${what} secret is wrong`);
}

/** PagerDuty v3: X-PagerDuty-Signature lists "v1=<hex HMAC-SHA256 of the body>" signatures, comma-separated (one per active secret). */
function verifyPagerDuty(headers: Headers, body: Buffer, secret: string): void {
  const given = header(headers, 'x-pagerduty-signature');
  if (!given) throw unsigned('A PagerDuty delivery must carry X-PagerDuty-Signature');
  const expected = createHmac('sha256', secret).update(body).digest();
  const ok = given.split(',').some((part) => {
    const [version, hex = ''] = part.trim().split('=', 2);
    return version === 'v1' && /^[0-9a-f]+$/i.test(hex) && safeEqualBytes(Buffer.from(hex, 'hex'), expected);
  });
  if (!ok) throw unsigned('The X-PagerDuty-Signature does not match the body');
}

/** GitLab: X-Gitlab-Token is the webhook's secret token, as typed. */
function verifyGitLab(headers: Headers, secret: string): Verified {
  const token = header(headers, 'x-gitlab-token');
  if (!token) throw unsigned('A GitLab delivery must carry X-Gitlab-Token');
  if (!constantTimeEqual(token, secret)) throw unsigned('The X-Gitlab-Token is wrong');
  return { deliveryId: header(headers, 'x-gitlab-event-uuid') ?? header(headers, 'idempotency-key') ?? null };
}

/**
 * Standard Webhooks (standardwebhooks.com): webhook-signature lists "v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>" keyed with the secret's bytes (whsec_<base64>); the timestamp must be within
 * the tolerance, so an old delivery cannot be replayed once its id is forgotten.
 */
function verifyStandardWebhook(headers: Headers, body: Buffer, secret: string, nowMs: number): Verified {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw unsigned('A generic delivery must carry webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks)');
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs - seconds * 1000) > TIMESTAMP_TOLERANCE_MS) throw unsigned('The webhook-timestamp is not within five minutes of now: a stale or replayed delivery');
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
  const ok = signatures.split(' ').some((part) => {
    const [version, signature = ''] = part.split(',', 2);
    return version === 'v1' && safeEqualBytes(Buffer.from(signature, 'base64'), expected);
  });
  if (!ok) throw unsigned('The webhook-signature does not match the body');
  return { deliveryId: id };
}

/** Checks a delivery's signature or secret by its source's scheme; answers 401 (nothing else happens) when it fails. */
export function verifyDelivery(kind: AlertSourceKind, headers: Headers, body: Buffer, secret: string, nowMs: number): Verified {
  switch (kind) {
    case 'alertmanager':
      verifySharedSecret(headers, secret, 'Alertmanager');
      return { deliveryId: null };
    case 'grafana':
      verifySharedSecret(headers, secret, 'Grafana');
      return { deliveryId: null };
    case 'opsgenie':
      verifySharedSecret(headers, secret, 'Opsgenie');
      return { deliveryId: null };
    case 'pagerduty':
      verifyPagerDuty(headers, body, secret);
      return { deliveryId: null }; // the event's id, read from the payload
    case 'gitlab':
      return verifyGitLab(headers, secret);
    case 'generic':
      return verifyStandardWebhook(headers, body, secret, nowMs);
  }
}

/** The replay key of a delivery whose sender gives no id: the body's SHA-256 (the same body twice is a replay). */
export const bodyDigest = (body: Buffer): string => `sha256:${createHash('sha256').update(body).digest('hex')}`;
