import type { ColumnType, Generated } from 'kysely';

/**
 * Table types. Booleans are stored as 0/1 integers and string arrays as JSON text so the same
 * SQL runs on SQLite and PostgreSQL; instants are kept as ISO text with their original offset,
 * plus an epoch-millisecond column where we sort or filter by time.
 */
type Id = Generated<number>;
type BoolInt = number;

export interface IncidentsTable {
  id: Id;
  title: string;
  severity: string;
  user_facing: BoolInt;
  services: string;
  labels: string;
  commander: string | null;
  commander_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** JSON list of people: [{userId, name}]. */
  responders: string;
  customer_impact: string | null;
  status: string;
  impact_started_at: string | null;
  detected_at: string | null;
  responded_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
  started_at_ms: number;
  /** 1: visible only to the incident's members (incident_members) and admins. */
  restricted: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** One row per service or label of an incident, lower-cased, so filters use an index on both databases. */
export interface IncidentTagsTable {
  incident_id: number;
  kind: 'service' | 'label';
  value: string;
}

export interface ReviewsTable {
  id: Id;
  incident_id: number;
  owner: string | null;
  owner_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  state: string;
  due_at: string | null;
  due_at_ms: number | null;
  policy_required: BoolInt;
  policy_reason: string;
  requested_by: string | null;
  requested_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  facilitator: ColumnType<string | null, string | null | undefined, string | null>;
  facilitator_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  scribe: ColumnType<string | null, string | null | undefined, string | null>;
  scribe_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  template: ColumnType<string, string | undefined, string>;
  summary: ColumnType<string | null, string | null | undefined, string | null>;
  impact: ColumnType<string | null, string | null | undefined, string | null>;
  learnings: ColumnType<string | null, string | null | undefined, string | null>;
  quality_score: ColumnType<number | null, number | null | undefined, number | null>;
  /** Set by the transition to published (kept if it moves on, replaced when it is published again). */
  published_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** An entry of an incident's timeline. Deleted entries are kept (deleted = 1) so their history stays readable. */
export interface TimelineEntriesTable {
  id: Id;
  incident_id: number;
  occurred_at: string;
  occurred_at_ms: number;
  kind: string;
  text: string;
  author: string;
  author_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  source: string;
  key_timestamp: string | null;
  /** Provenance: who or what the evidence is ("Slack #inc-42", "postmortem.md"), its link or ref, the raw text. */
  source_label: ColumnType<string | null, string | null | undefined, string | null>;
  source_ref: ColumnType<string | null, string | null | undefined, string | null>;
  excerpt: ColumnType<string | null, string | null | undefined, string | null>;
  /** exact | minute | approximate | range | unknown (timeline.schema.ts). */
  precision: ColumnType<string, string | undefined, string>;
  deleted: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface TimelineCommentsTable {
  id: Id;
  entry_id: number;
  author: string;
  author_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  text: string;
  /** JSON list of the people the comment @mentions: [{userId, name}]. */
  mentions: ColumnType<string, string | undefined, string>;
  created_at: string;
}

/** One correction of a timeline entry: who, when, and the entry before and after, as JSON. */
export interface TimelineRevisionsTable {
  id: Id;
  entry_id: number;
  author: string;
  author_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  changed_at: string;
  before: string;
  after: string;
  reason: string | null;
}

/** The review document's parts (F4). Free text is null when not written; tags and steps are JSON text. */
export interface ReviewFactorsTable {
  id: Id;
  review_id: number;
  kind: string;
  title: string;
  description: string | null;
  category: string | null;
  tags: string;
  accepted_risk: BoolInt;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A factor linked to an earlier incident's factor (F18), from the later to the earlier. */
export interface FactorLinksTable {
  from_factor_id: number;
  to_factor_id: number;
  created_by_user_id: number | null;
  created_at: string;
}

/** A five-whys chain linked to an earlier incident's factor (F18): its conclusion recurs. */
export interface WhyLinksTable {
  whys_id: number;
  to_factor_id: number;
  created_by_user_id: number | null;
  created_at: string;
}

export interface ReviewFactorTimelineEntriesTable {
  factor_id: number;
  timeline_entry_id: number;
}

export interface ReviewWhysTable {
  id: Id;
  review_id: number;
  position: number;
  title: string;
  steps: string;
  systemic_cause: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface ReviewWhysFactorsTable {
  whys_id: number;
  factor_id: number;
}

/** Only answered questions are stored. */
export interface ReviewAnswersTable {
  id: Id;
  review_id: number;
  question_key: string;
  answer: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface ActionItemsTable {
  id: Id;
  review_id: number;
  title: string;
  description: string | null;
  owner: string | null;
  owner_user_id: ColumnType<number | null, number | null | undefined, number | null>;
  due_date: string | null;
  priority: string | null;
  class: string | null;
  kind: string;
  second_order_effects: string | null;
  status: string;
  decline_reason: string | null;
  external_url: string | null;
  /** Soak time (F12): the local date it soaks until, that day's end as UTC ISO, when the sweep ended it, when decided. */
  soak_until: ColumnType<string | null, string | null | undefined, string | null>;
  soak_ends_at: ColumnType<string | null, string | null | undefined, string | null>;
  soak_ended_at: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface ActionItemFactorsTable {
  action_item_id: number;
  factor_id: number;
}

/** An account. `email` is stored trimmed and lower-cased; a user signs in with a password, OpenID Connect or both. */
export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A browser session: only the SHA-256 of the cookie's random token is stored. Instants are UTC ISO text. */
export interface SessionsTable {
  id: Id;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: Id;
  name: string;
  token_hash: string;
  user_id: number;
  role_ceiling: string;
  expires_at: string | null;
  revoked_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_used_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
}

/** Who changed what, when, with the entity before and after as JSON text. Append-only. */
export interface AuditLogTable {
  id: Id;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  incident_id: number | null;
  before: string | null;
  after: string | null;
}

/** The domain event log, also the outbox each instance's dispatcher reads after commit. Append-only. */
export interface EventsTable {
  id: Id;
  type: string;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  incident_id: number | null;
  review_id: number | null;
  /** The event as JSON. */
  data: string;
}

export interface IncidentMembersTable {
  incident_id: number;
  user_id: number;
}

/** State of an OpenID Connect sign-in between the redirect to the provider and the callback. */
export interface OidcLoginsTable {
  id: Id;
  handle_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: string;
}

export interface SignInThrottleTable {
  key: string;
  window_started_ms: number;
  failures: number;
}

/** A durable job (src/server/jobs/). `payload` is JSON text; `last_error` is JSON text ({message, stack, attempt, at}). */
export interface JobsTable {
  id: Id;
  kind: string;
  payload: string;
  idempotency_key: string;
  state: 'queued' | 'running' | 'done' | 'dead';
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  run_at_ms: number;
  /** The instance that claimed it last (kept after it finishes: who ran it). */
  locked_by: ColumnType<string | null, string | null | undefined, string | null>;
  locked_until_ms: ColumnType<number | null, number | null | undefined, number | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
  finished_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A completed step of a job (`once`), with its JSON result, so a retry does not repeat it. */
export interface JobStepsTable {
  job_id: number;
  step: string;
  result: string;
  created_at: string;
}

/** A periodic schedule: the next slot to enqueue, advanced by compare-and-swap so one instance takes each slot. */
export interface JobSchedulesTable {
  name: string;
  cron: string;
  time_zone: string;
  next_run_at_ms: number;
  last_run_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: string;
}

export interface IdempotencyKeysTable {
  id: Generated<number>;
  owner: string;
  key: string;
  request_hash: string;
  status: number | null;
  response: string | null;
  location: string | null;
  created_at_ms: number;
}

/** External summaries of published reviews: the shared text and a link token kept only as its SHA-256. */
export interface ExternalSummariesTable {
  id: Id;
  review_id: number;
  title: string;
  sections: string;
  text: string;
  kept_findings: number;
  token_hash: string;
  created_by_user_id: number | null;
  created_by_name: string;
  created_at: string;
  expires_at: string;
  revoked_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The search index (server/search/): a review's text by field and its filterable fields. */
export interface SearchDocumentsTable {
  review_id: number;
  incident_id: number;
  severity: string;
  state: string;
  owner_user_id: number | null;
  /** Lower-cased. */
  owner_name: string | null;
  started_at_ms: number;
  indexed_at_ms: number;
  title: string;
  summary: string;
  impact: string;
  factors: string;
  whys: string;
  learnings: string;
  timeline: string;
  answers: string;
  action_items: string;
}

/** A filterable value of an indexed review, lower-cased: kind is service, label, category, contributor_category or tag. */
export interface SearchFacetsTable {
  review_id: number;
  kind: string;
  value: string;
  /** The review's incident and search_documents.started_at_ms: the latest reviews sharing a value are one index read. */
  incident_id: number;
  started_at_ms: number;
}

/** One read of a review by a user on a day (organisation's zone): the knowledge base's "most read". */
export interface ReviewReadsTable {
  review_id: number;
  user_id: number;
  day: string;
  read_at: string;
}

/** A deploy or other change (organisation-wide), unique by (source, external_id). */
export interface ChangeEventsTable {
  id: Id;
  service: string;
  kind: string;
  title: string;
  description: string | null;
  author: string | null;
  occurred_at: string;
  occurred_at_ms: number;
  link: string | null;
  environment: string | null;
  source: string;
  external_id: string;
  created_by_user_id: number | null;
  created_at: string;
}

/** A comment on a part of a review (F10); thread_id is null for a thread's first comment. */
export interface ReviewCommentsTable {
  id: Id;
  review_id: number;
  thread_id: number | null;
  part: string;
  item_id: string | null;
  author: string;
  author_user_id: number | null;
  text: string;
  /** JSON list of the people the comment @mentions: [{userId, name}]. */
  mentions: string;
  for_meeting: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  resolved_at: string | null;
  resolved_by: string | null;
  resolved_by_user_id: number | null;
  edited: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A reviewer asked to sign off the async review: requested, signed_off or changes_requested. */
export interface ReviewSignOffsTable {
  review_id: number;
  user_id: number;
  status: string;
  note: string | null;
  requested_by_user_id: number | null;
  requested_at: string;
  decided_at: string | null;
}

/** The review meeting (F11), one per review. */
export interface ReviewMeetingsTable {
  review_id: number;
  starts_at: string;
  starts_at_ms: number;
  duration_minutes: number;
  time_zone: string;
  facilitator_user_id: number | null;
  scribe_user_id: number | null;
  /** JSON list of user ids. */
  attendee_user_ids: string;
  location: string | null;
  recording_link: string | null;
  sequence: ColumnType<number, number | undefined, number>;
  gate_override: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A global review session's attendees (the agenda is computed when read). */
export interface GlobalReviewSessionsTable {
  day: string;
  /** JSON list of people: [{userId, name}]. */
  attendees: string;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

/** Notes and a decision on one item of a global review session's agenda. */
/** A trend's figures as last computed, for one question asked by one kind of reader (trends/trend-snapshots.ts). */
export interface TrendSnapshotsTable {
  key: string;
  /** The newest event when computing began, and how many of the ids just below it existed: either moving means the figures may be out of date. */
  last_event_id: number;
  recent_events: number;
  /** The access changes recorded (how many, the newest): either moving means the figures may show what a reader may no longer see. */
  access_changes: number;
  last_access_change_id: number;
  computed_at_ms: number;
  /** The figures, as the API answers them (JSON). */
  body: string;
}

export interface GlobalReviewNotesTable {
  day: string;
  item: string;
  incident_id: number | null;
  notes: string;
  decision: string;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
  updated_by: string;
  updated_by_user_id: number | null;
}

/** Notes first: a review's notes pad, saved with a revision. */
export interface ReviewNotesTable {
  review_id: number;
  text: string;
  revision: number;
  updated_at: string;
  updated_by: string;
  updated_by_user_id: number | null;
}

/** The proposals accepted from a review's notes (by proposal id) and what each became. */
export interface ReviewNoteAcceptancesTable {
  review_id: number;
  proposal_id: string;
  kind: string;
  entity_id: number | null;
  accepted_at: string;
  accepted_by_user_id: number | null;
}

/** A user's notification preferences (shared/notifications/preferences.schema.ts) as JSON. */
export interface NotificationPreferencesTable {
  user_id: number;
  preferences: string;
  digest_hour: number | null;
  time_zone: string;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

/** Where signed outbound webhooks go (Standard Webhooks); the secret is shown once, when created. */
export interface WebhookEndpointsTable {
  id: Id;
  url: string;
  description: string;
  /** JSON list of message kinds; [] means every kind. */
  kinds: string;
  secret: string;
  enabled: ColumnType<BoolInt, BoolInt | undefined, BoolInt>;
  created_at: string;
  updated_at: string;
}

/** One message to one recipient on one channel; `delivery_key` is unique, so nothing is sent twice. */
export interface NotificationDeliveriesTable {
  id: Id;
  delivery_key: string;
  message_key: string;
  kind: string;
  channel: 'email' | 'slack' | 'webhook';
  user_id: number | null;
  target: string;
  incident_id: number | null;
  message: string;
  state: 'queued' | 'digest' | 'sent' | 'skipped';
  created_at: string;
  created_at_ms: number;
  sent_at: ColumnType<string | null, string | null | undefined, string | null>;
  sent_at_ms: ColumnType<number | null, number | null | undefined, number | null>;
  detail: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Meeting mode: where the review meeting is (one row per review, updated as the facilitator moves). */
export interface MeetingSessionsTable {
  review_id: number;
  status: string;
  stage: string;
  entry_id: number | null;
  stage_started_at: string;
  stage_started_at_ms: number;
  started_at: string;
  ended_at: string | null;
  moved_by: string;
  moved_by_user_id: number | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

/** An inbound alert webhook (ADR 0011): its kind, its secret (as given: HMAC schemes sign with it) and settings (JSON). */
export interface AlertSourcesTable {
  id: Id;
  kind: string;
  name: string;
  secret: string;
  /** JSON: default severity and service, the generic source's field mapping. */
  settings: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  secret_rotated_at: string;
}

/** A signed delivery to an alert source and its outcome; (source_id, delivery_id) unique refuses replays. */
export interface AlertDeliveriesTable {
  id: Id;
  source_id: number;
  delivery_id: string | null;
  received_at: string;
  received_at_ms: number;
  status: string;
  detail: string | null;
  /** JSON list of the incidents it created or updated. */
  incident_ids: string;
}

/** A source's event already on an incident's timeline: (source_id, event_key) unique. */
export interface AlertEventsTable {
  source_id: number;
  event_key: string;
  incident_id: number;
}

/** An incident's id in another system ("alert-source:3", the alert's group key); (source, external_id) unique. */
export interface IncidentExternalIdsTable {
  incident_id: number;
  source: string;
  external_id: string;
}

export interface Database {
  incidents: IncidentsTable;
  incident_tags: IncidentTagsTable;
  reviews: ReviewsTable;
  timeline_entries: TimelineEntriesTable;
  timeline_comments: TimelineCommentsTable;
  timeline_revisions: TimelineRevisionsTable;
  review_factors: ReviewFactorsTable;
  factor_links: FactorLinksTable;
  review_factor_timeline_entries: ReviewFactorTimelineEntriesTable;
  review_whys: ReviewWhysTable;
  review_whys_factors: ReviewWhysFactorsTable;
  why_links: WhyLinksTable;
  review_answers: ReviewAnswersTable;
  action_items: ActionItemsTable;
  action_item_factors: ActionItemFactorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  incident_members: IncidentMembersTable;
  oidc_logins: OidcLoginsTable;
  sign_in_throttle: SignInThrottleTable;
  jobs: JobsTable;
  job_steps: JobStepsTable;
  job_schedules: JobSchedulesTable;
  idempotency_keys: IdempotencyKeysTable;
  external_summaries: ExternalSummariesTable;
  search_documents: SearchDocumentsTable;
  search_facets: SearchFacetsTable;
  review_reads: ReviewReadsTable;
  change_events: ChangeEventsTable;
  review_comments: ReviewCommentsTable;
  review_sign_offs: ReviewSignOffsTable;
  review_meetings: ReviewMeetingsTable;
  global_review_sessions: GlobalReviewSessionsTable;
  global_review_notes: GlobalReviewNotesTable;
  trend_snapshots: TrendSnapshotsTable;
  review_notes: ReviewNotesTable;
  review_note_acceptances: ReviewNoteAcceptancesTable;
  tracker_connections: TrackerConnectionsTable;
  tracker_services: TrackerServicesTable;
  tracker_people: TrackerPeopleTable;
  tracker_issues: TrackerIssuesTable;
  tracker_deliveries: TrackerDeliveriesTable;
  notification_preferences: NotificationPreferencesTable;
  webhook_endpoints: WebhookEndpointsTable;
  notification_deliveries: NotificationDeliveriesTable;
  meeting_sessions: MeetingSessionsTable;
  alert_sources: AlertSourcesTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_events: AlertEventsTable;
  incident_external_ids: IncidentExternalIdsTable;
  teams: TeamsTable;
  team_services: TeamServicesTable;
  team_members: TeamMembersTable;
}

/** A team (teams/): the services it owns and its members; the slug is unique. */
export interface TeamsTable {
  id: Id;
  name: string;
  slug: string;
  /** Where its weekly digest is posted; null: none. */
  slack_channel: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A service tag a team owns, lower-cased as incident_tags keeps it. */
export interface TeamServicesTable {
  team_id: number;
  service: string;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

/** A connection to a GitHub repository, GitLab project or Jira project (trackers/). The token and secret never leave the server. */
export interface TrackerConnectionsTable {
  id: Id;
  name: string;
  kind: string;
  base_url: string;
  project: string;
  /** Jira: the e-mail the API token belongs to (basic auth). */
  username: string | null;
  token: string;
  webhook_secret: string;
  is_default: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** Which connection an incident service's action items go to (service lower-cased, one connection each). */
export interface TrackerServicesTable {
  connection_id: number;
  service: string;
}

/** Who a user is in a tracker: GitHub login, GitLab username, Jira account id. */
export interface TrackerPeopleTable {
  connection_id: number;
  user_id: number;
  external_user: string;
}

/** The issue made from an action item: state creating | open | closed | failed. */
export interface TrackerIssuesTable {
  action_item_id: number;
  connection_id: number;
  state: string;
  external_id: string | null;
  issue_key: string | null;
  url: string | null;
  assignee: string | null;
  error: string | null;
  /** When the tracker last changed the issue, as applied: older webhook payloads are refused. */
  last_event_at_ms: ColumnType<number, number | undefined, number>;
  status_before_close: string | null;
  created_at: string;
  updated_at: string;
  /** The state a sync job claimed to send (tracker-issue.job.ts), the job, and until when its claim holds. */
  sync_state: ColumnType<string | null, string | null | undefined, string | null>;
  sync_job_id: ColumnType<number | null, number | null | undefined, number | null>;
  sync_until_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A webhook delivery already applied, by the tracker's delivery id. */
export interface TrackerDeliveriesTable {
  connection_id: number;
  delivery_id: string;
  received_at: string;
}
