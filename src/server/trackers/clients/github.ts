import { Octokit } from '@octokit/rest';
import type { TrackerAccess, TrackerClient } from './types.js';

function ownerAndRepo(project: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = project.split('/');
  return { owner, repo };
}

export function githubClient(access: TrackerAccess): TrackerClient {
  const octokit = new Octokit({ auth: access.token, baseUrl: access.baseUrl.replace(/\/+$/, ''), userAgent: 'hindsight', request: { retries: 0 } });
  const where = ownerAndRepo(access.project);
  return {
    async test() {
      const { data } = await octokit.rest.repos.get(where);
      return `Connected to ${data.full_name}${data.has_issues ? '' : ' (issues are turned off in this repository)'}`;
    },
    async createIssue(draft) {
      const { data } = await octokit.rest.issues.create({ ...where, title: draft.title, body: draft.body, ...(draft.assignee ? { assignees: [draft.assignee] } : {}) });
      return { externalId: String(data.number), key: `#${data.number}`, url: data.html_url };
    },
    async setState(issue, state) {
      await octokit.rest.issues.update({ ...where, issue_number: Number(issue.externalId), state, ...(state === 'closed' ? { state_reason: 'completed' as const } : {}) });
    },
  };
}
