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
  responders: string;
  customer_impact: string | null;
  status: string;
  impact_started_at: string | null;
  detected_at: string | null;
  responded_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
  started_at_ms: number;
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
  state: string;
  due_at: string | null;
  due_at_ms: number | null;
  policy_required: BoolInt;
  policy_reason: string;
  requested_by: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface Database {
  incidents: IncidentsTable;
  incident_tags: IncidentTagsTable;
  reviews: ReviewsTable;
}
