import { githubClient } from './github.js';
import { gitlabClient } from './gitlab.js';
import { jiraClient } from './jira.js';
import type { TrackerAccess, TrackerClient } from './types.js';

export const trackerClient = (access: TrackerAccess): TrackerClient =>
  access.kind === 'github' ? githubClient(access) : access.kind === 'gitlab' ? gitlabClient(access) : jiraClient(access);
