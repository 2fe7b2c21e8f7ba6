/** Tracker sync (F13): connections to GitHub, GitLab or Jira, and the issue made from an action item. */
import { z } from 'zod';
import { storedInt } from '../common.schema.js';

export const trackerKinds = ['github', 'gitlab', 'jira'] as const;
export const trackerKindSchema = z.enum(trackerKinds);
export type TrackerKind = z.infer<typeof trackerKindSchema>;

export const trackerKindLabels: Record<TrackerKind, string> = { github: 'GitHub', gitlab: 'GitLab', jira: 'Jira' };

const baseUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(500).describe('The API root: https://api.github.com, https://gitlab.com, https://your-site.atlassian.net');
const service = z.string().trim().min(1).max(200);

const connectionFields = {
  name: z.string().trim().min(1).max(100),
  kind: trackerKindSchema,
  baseUrl,
  project: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('GitHub: owner/repo; GitLab: the project path (group/project) or id; Jira: the project key'),
  username: z.string().trim().min(1).max(200).nullable().describe('Jira only: the e-mail address the API token belongs to'),
  token: z.string().trim().min(1).max(2000).describe('Kept on the server, never returned'),
  isDefault: z.boolean().describe("Used for action items whose incident's services no connection serves"),
  services: z.array(service).max(200).describe("Incident services whose action items go to this tracker"),
};

export const trackerConnectionCreateSchema = z
  .object({
    ...connectionFields,
    username: connectionFields.username.default(null),
    isDefault: connectionFields.isDefault.default(false),
    services: connectionFields.services.default([]),
  })
  .strict();
export type TrackerConnectionCreate = z.output<typeof trackerConnectionCreateSchema>;

export const trackerConnectionUpdateSchema = z
  .object({ version: storedInt, ...connectionFields })
  .omit({ kind: true })
  .partial()
  .required({ version: true })
  .strict();
export type TrackerConnectionUpdate = z.output<typeof trackerConnectionUpdateSchema>;

export const trackerConnectionSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: trackerKindSchema,
    baseUrl: z.string(),
    project: z.string(),
    username: z.string().nullable(),
    isDefault: z.boolean(),
    services: z.array(z.string()),
    webhookPath: z.string().describe('Where the tracker sends its webhooks (relative to the public URL)'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TrackerConnection' });
export type TrackerConnection = z.infer<typeof trackerConnectionSchema>;

/** Only when created: the webhook secret, shown once. */
export const trackerConnectionCreatedSchema = trackerConnectionSchema.extend({
  webhookSecret: z.string().describe('Shown once: give it to the tracker with the webhook URL'),
});

export const trackerConnectionListSchema = z.object({ items: z.array(trackerConnectionSchema) });

export const trackerTestResultSchema = z.object({ ok: z.boolean(), message: z.string() });

export const trackerPersonSchema = z.object({ userId: z.number().int(), name: z.string(), externalUser: z.string() });
export const trackerPeopleSchema = z.object({ items: z.array(trackerPersonSchema) });
export const trackerPersonInputSchema = z
  .object({
    userId: storedInt,
    externalUser: z.string().trim().min(1).max(200).describe('GitHub login, GitLab username or Jira account id'),
  })
  .strict();
export type TrackerPersonInput = z.output<typeof trackerPersonInputSchema>;

export const trackerIssueStates = ['creating', 'open', 'closed', 'failed'] as const;
export const trackerIssueSchema = z
  .object({
    actionItemId: z.number().int(),
    trackerId: z.number().int(),
    trackerName: z.string(),
    kind: trackerKindSchema,
    state: z.enum(trackerIssueStates),
    key: z.string().nullable().describe('#12 on GitHub and GitLab, PROJ-12 on Jira'),
    url: z.string().nullable(),
    assignee: z.string().nullable(),
    error: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TrackerIssue' });
export type TrackerIssue = z.infer<typeof trackerIssueSchema>;

/** A review's tracker issues, and the tracker its action items would go to. */
export const reviewTrackerIssuesSchema = z.object({
  tracker: z.object({ id: z.number().int(), name: z.string(), kind: trackerKindSchema }).nullable(),
  items: z.array(trackerIssueSchema),
});
export type ReviewTrackerIssues = z.infer<typeof reviewTrackerIssuesSchema>;

export const webhookAcceptedSchema = z.object({ outcome: z.enum(['applied', 'ignored', 'duplicate', 'stale']), detail: z.string() });
