/**
 * The way back from each tracker: its webhook's signature scheme and payload, read into one shape.
 * - GitHub: `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body, hex>`, `X-GitHub-Delivery`,
 *   `X-GitHub-Event: issues` with action closed / reopened.
 * - GitLab: `X-Gitlab-Token: <the secret>` (GitLab sends the token as given, no HMAC),
 *   `X-Gitlab-Event-UUID` (or `Idempotency-Key`), `X-Gitlab-Event: Issue Hook`, action close / reopen.
 * - Jira: `X-Hub-Signature: sha256=<HMAC-SHA256 of the raw body, hex>` (Atlassian's webhook secret),
 *   `X-Atlassian-Webhook-Identifier`, `jira:issue_updated` with a status change in its changelog.
 */
import { createHmac } from 'node:crypto';
import type { TrackerKind } from '../../shared/trackers/tracker.schema.js';
import { constantTimeEqual } from '../accounts/secrets.js';

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | null => {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
};

const hmacHex = (secret: string, body: Buffer) => createHmac('sha256', secret).update(body).digest('hex');

/** Whether the request carries the connection's signature over exactly these bytes. */
export function verifySignature(kind: TrackerKind, secret: string, headers: Headers, rawBody: Buffer): boolean {
  if (kind === 'gitlab') {
    const token = header(headers, 'x-gitlab-token');
    return token !== null && constantTimeEqual(token, secret);
  }
  const sent = header(headers, kind === 'github' ? 'x-hub-signature-256' : 'x-hub-signature');
  if (!sent?.startsWith('sha256=')) return false;
  return constantTimeEqual(sent.slice('sha256='.length).toLowerCase(), hmacHex(secret, rawBody));
}

/** What an inbound delivery says: an issue of this connection was closed or reopened at `atMs`. */
export interface IssueStateChange {
  externalId: string;
  state: 'open' | 'closed';
  atMs: number;
}

export interface ReadDelivery {
  deliveryId: string | null;
  /** null: a delivery about something else (another event, an edit): acknowledged, nothing done. */
  change: IssueStateChange | null;
  /** Why nothing is done, when change is null. */
  ignored?: string;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const idText = (value: unknown): string | null => (typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null);
/** GitLab's older payloads write "2013-12-03 17:23:34 UTC". */
const timeMs = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Date.parse(value.replace(' UTC', 'Z').replace(' ', 'T')) : ms;
};

function readGithub(headers: Headers, body: Json): ReadDelivery {
  const deliveryId = header(headers, 'x-github-delivery');
  const event = header(headers, 'x-github-event');
  if (event !== 'issues') return { deliveryId, change: null, ignored: `event ${event ?? '(none)'} is not followed` };
  const action = body.action;
  if (action !== 'closed' && action !== 'reopened') return { deliveryId, change: null, ignored: `issues.${String(action)} does not change the state` };
  const issue = obj(body.issue);
  const externalId = idText(issue.number);
  const atMs = timeMs(action === 'closed' ? (issue.closed_at ?? issue.updated_at) : issue.updated_at);
  if (!externalId || Number.isNaN(atMs)) return { deliveryId, change: null, ignored: 'the payload names no issue number or time' };
  return { deliveryId, change: { externalId, state: action === 'closed' ? 'closed' : 'open', atMs } };
}

function readGitlab(headers: Headers, body: Json): ReadDelivery {
  const deliveryId = header(headers, 'x-gitlab-event-uuid') ?? header(headers, 'idempotency-key');
  if (body.object_kind !== 'issue') return { deliveryId, change: null, ignored: `object_kind ${String(body.object_kind)} is not followed` };
  const attributes = obj(body.object_attributes);
  const action = attributes.action;
  if (action !== 'close' && action !== 'reopen') return { deliveryId, change: null, ignored: `issue ${String(action)} does not change the state` };
  const externalId = idText(attributes.iid);
  const atMs = timeMs(action === 'close' ? (attributes.closed_at ?? attributes.updated_at) : attributes.updated_at);
  if (!externalId || Number.isNaN(atMs)) return { deliveryId, change: null, ignored: 'the payload names no issue iid or time' };
  return { deliveryId, change: { externalId, state: action === 'close' ? 'closed' : 'open', atMs } };
}

function readJira(headers: Headers, body: Json): ReadDelivery {
  const deliveryId = header(headers, 'x-atlassian-webhook-identifier');
  if (body.webhookEvent !== 'jira:issue_updated') return { deliveryId, change: null, ignored: `${String(body.webhookEvent)} is not followed` };
  const items = Array.isArray(obj(body.changelog).items) ? (obj(body.changelog).items as unknown[]) : [];
  if (!items.some((item) => obj(item).field === 'status')) return { deliveryId, change: null, ignored: 'the status did not change' };
  const issue = obj(body.issue);
  const category = obj(obj(obj(obj(issue.fields).status).statusCategory)).key;
  const externalId = idText(issue.id);
  const atMs = timeMs(body.timestamp);
  if (!externalId || Number.isNaN(atMs) || typeof category !== 'string') return { deliveryId, change: null, ignored: 'the payload names no issue id, status or time' };
  return { deliveryId, change: { externalId, state: category === 'done' ? 'closed' : 'open', atMs } };
}

export function readDelivery(kind: TrackerKind, headers: Headers, body: unknown): ReadDelivery {
  const json = obj(body);
  return kind === 'github' ? readGithub(headers, json) : kind === 'gitlab' ? readGitlab(headers, json) : readJira(headers, json);
}
