import { Version3Client } from 'jira.js';
import type { TrackerAccess, TrackerClient } from './types.js';

type AdfNode = { type: string; text?: string; content?: AdfNode[]; marks?: Array<{ type: string; attrs?: Record<string, string> }> };

/** Jira Cloud's v3 API takes descriptions as Atlassian Document Format: one paragraph per line, the review as a link. */
function adf(body: string, reviewUrl: string): { type: 'doc'; version: 1; content: AdfNode[] } {
  const paragraphs: AdfNode[] = body
    .split(/\n{2,}/)
    .map((text) => text.trim())
    .filter((text) => text && !text.includes(reviewUrl))
    .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: 'Post-incident review', marks: [{ type: 'link', attrs: { href: reviewUrl } }] }] });
  return { type: 'doc', version: 1, content: paragraphs };
}

export function jiraClient(access: TrackerAccess): TrackerClient {
  const host = access.baseUrl.replace(/\/+$/, '');
  const client = new Version3Client({ host, authentication: { basic: { email: access.username ?? '', apiToken: access.token } } });
  return {
    async test() {
      const project = await client.projects.getProject({ projectIdOrKey: access.project });
      return `Connected to ${project.key ?? access.project}${project.name ? ` (${project.name})` : ''}`;
    },
    async createIssue(draft) {
      const created = await client.issues.createIssue({
        fields: {
          project: { key: access.project },
          summary: draft.title,
          issuetype: { name: 'Task' },
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          description: adf(draft.body, draft.reviewUrl) as any,
          ...(draft.assignee ? { assignee: { accountId: draft.assignee } } : {}),
        },
      });
      return { externalId: String(created.id), key: created.key, url: `${host}/browse/${created.key}` };
    },
    async setState(issue, state) {
      const { transitions = [] } = await client.issues.getTransitions({ issueIdOrKey: issue.key });
      const wanted = transitions.find((t) => (state === 'closed' ? t.to?.statusCategory?.key === 'done' : t.to?.statusCategory?.key !== 'done'));
      if (!wanted?.id) throw new Error(`Jira offers no transition of ${issue.key} to ${state === 'closed' ? 'a done status' : 'an open status'}`);
      await client.issues.doTransition({ issueIdOrKey: issue.key, transition: { id: wanted.id } });
    },
  };
}
