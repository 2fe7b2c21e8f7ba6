import type { TrackerKind } from '../../../shared/trackers/tracker.schema.js';

/** What a client needs to reach a tracker; the token never leaves the server. */
export interface TrackerAccess {
  kind: TrackerKind;
  baseUrl: string;
  project: string;
  username: string | null;
  token: string;
}

export interface IssueDraft {
  title: string;
  /** Markdown (GitHub, GitLab); Jira gets it as plain paragraphs with the link as a link. */
  body: string;
  reviewUrl: string;
  /** Who the issue is assigned to there (GitHub login, GitLab username, Jira account id), when known. */
  assignee: string | null;
}

export interface CreatedIssue {
  /** What the tracker's webhooks name the issue by: GitHub number, GitLab iid, Jira issue id. */
  externalId: string;
  key: string;
  url: string;
}

/** One tracker, through its well-kept client (@octokit/rest, @gitbeaker/rest, jira.js). */
export interface TrackerClient {
  /** Reads the project: proves the URL, the token and the project; answers what was found. */
  test(): Promise<string>;
  createIssue(draft: IssueDraft): Promise<CreatedIssue>;
  setState(issue: { externalId: string; key: string }, state: 'open' | 'closed'): Promise<void>;
}

/** A tracker answered 4xx (other than 408/429): retrying will not help. */
export class TrackerRefused extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'TrackerRefused';
  }
}

/** The HTTP status a client library's error carries, whichever library threw it. */
export function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { status?: unknown; response?: { status?: unknown }; cause?: { response?: { status?: unknown } } };
  for (const value of [e.status, e.response?.status, e.cause?.response?.status]) if (typeof value === 'number') return value;
  return null;
}
