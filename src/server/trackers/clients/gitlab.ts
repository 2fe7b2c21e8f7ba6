import { Gitlab } from '@gitbeaker/rest';
import type { TrackerAccess, TrackerClient } from './types.js';

export function gitlabClient(access: TrackerAccess): TrackerClient {
  const api = new Gitlab({ host: access.baseUrl.replace(/\/+$/, ''), token: access.token });
  const project = /^\d+$/.test(access.project) ? Number(access.project) : access.project;
  /** GitLab assigns by user id: the username is looked up (GET /users?username=). */
  const userId = async (username: string): Promise<number | null> => {
    if (/^\d+$/.test(username)) return Number(username);
    const [user] = (await api.Users.all({ username })) as Array<{ id: number }>;
    return user?.id ?? null;
  };
  return {
    async test() {
      const found = (await api.Projects.show(project)) as { path_with_namespace: string };
      return `Connected to ${found.path_with_namespace}`;
    },
    async createIssue(draft) {
      const assignee = draft.assignee ? await userId(draft.assignee) : null;
      const issue = (await api.Issues.create(project, draft.title, { description: draft.body, ...(assignee ? { assigneeIds: [assignee] } : {}) })) as { iid: number; web_url: string };
      return { externalId: String(issue.iid), key: `#${issue.iid}`, url: issue.web_url };
    },
    async setState(issue, state) {
      await api.Issues.edit(project, Number(issue.externalId), { stateEvent: state === 'closed' ? 'close' : 'reopen' });
    },
  };
}
