import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import {
  incidentCreateSchema,
  incidentUpdateSchema,
  keyTimestamps,
  type Incident,
  type IncidentCreateInput,
  type IncidentStatus,
  type KeyTimestamp,
  type Severity,
} from '../../../shared/incidents/incident.schema.js';
import { zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { fromLocalInput, toLocalInput } from '../../ui/format.js';
import { toPersonInput, toPersonInputOrNull } from '../../ui/people/people-options.js';

/** What the form holds while typing: plain strings, people as picked, datetime-local values for the key timestamps. */
export interface IncidentFormValues {
  title: string;
  severity: Severity;
  userFacing: boolean;
  status: IncidentStatus;
  services: string[];
  labels: string[];
  commander: PersonRef | null;
  responders: PersonRef[];
  customerImpact: string;
  /** Visible only to its members (the creator is one) and admins; set when creating only. */
  restricted: boolean;
  times: Record<KeyTimestamp, string>;
}

export const emptyIncidentForm: IncidentFormValues = {
  title: '',
  severity: 'sev3',
  userFacing: false,
  status: 'active',
  services: [],
  labels: [],
  commander: null,
  responders: [],
  customerImpact: '',
  restricted: false,
  times: { impactStartedAt: '', detectedAt: '', respondedAt: '', mitigatedAt: '', resolvedAt: '' },
};

/** The form as an incident is now: what editing starts from. */
export function fromIncident(incident: Incident): IncidentFormValues {
  return {
    title: incident.title,
    severity: incident.severity,
    userFacing: incident.userFacing,
    status: incident.status,
    services: incident.services,
    labels: incident.labels,
    commander: incident.commander,
    responders: incident.responders,
    customerImpact: incident.customerImpact ?? '',
    restricted: incident.restricted,
    times: Object.fromEntries(keyTimestamps.map((key) => [key, toLocalInput(incident[key])])) as Record<KeyTimestamp, string>,
  };
}

/** The request body the form would send: empty strings become null, local times get the reader's offset. */
export function toIncidentInput(values: IncidentFormValues): IncidentCreateInput {
  const times = Object.fromEntries(keyTimestamps.map((key) => [key, fromLocalInput(values.times[key])])) as Record<KeyTimestamp, string | null>;
  return {
    title: values.title,
    severity: values.severity,
    userFacing: values.userFacing,
    status: values.status,
    services: values.services,
    labels: values.labels,
    commander: toPersonInputOrNull(values.commander),
    responders: values.responders.map(toPersonInput),
    customerImpact: values.customerImpact.trim() || null,
    restricted: values.restricted,
    ...times,
  };
}

/** Client-side validation with the very schema the server uses. */
export function validateIncident(values: IncidentFormValues): { input: IncidentCreateInput; errors: FieldErrors } {
  const input = toIncidentInput(values);
  const parsed = incidentCreateSchema.safeParse(input);
  return { input, errors: parsed.success ? {} : zodFieldErrors(parsed.error) };
}

/** The incident's editable fields, as the API names them. */
export const editableIncidentFields = ['title', 'severity', 'userFacing', 'status', 'services', 'labels', 'commander', 'responders', 'customerImpact', ...keyTimestamps] as const;
export type EditableIncidentField = (typeof editableIncidentFields)[number];

export const incidentFieldLabels: Record<EditableIncidentField, string> = {
  title: 'Title',
  severity: 'Severity',
  userFacing: 'User-facing',
  status: 'Status',
  services: 'Services',
  labels: 'Labels',
  commander: 'Incident commander',
  responders: 'Responders',
  customerImpact: 'Customer impact',
  impactStartedAt: 'Impact started',
  detectedAt: 'Detected',
  respondedAt: 'Responded',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
};

const isKeyTimestamp = (field: EditableIncidentField): field is KeyTimestamp => (keyTimestamps as readonly string[]).includes(field);

/** A field's value in the form, comparable with the same field of an incident as the API reads it. */
export function formValue(values: IncidentFormValues, field: EditableIncidentField): unknown {
  if (isKeyTimestamp(field)) return values.times[field];
  if (field === 'customerImpact') return values.customerImpact.trim() || null;
  return values[field];
}

/** The same field of an incident, in the form's terms (key timestamps as the reader's local time). */
export function incidentValue(incident: Incident, field: EditableIncidentField): unknown {
  return isKeyTimestamp(field) ? toLocalInput(incident[field]) : incident[field];
}

/** The fields an edit changed, against the incident as it was when editing began. */
export const changedIncidentFields = (base: IncidentFormValues, values: IncidentFormValues): EditableIncidentField[] =>
  editableIncidentFields.filter((field) => JSON.stringify(formValue(base, field)) !== JSON.stringify(formValue(values, field)));

/** The PATCH body for `fields`, checked with the server's schema. */
export function incidentUpdate(values: IncidentFormValues, fields: EditableIncidentField[], version: number): { body: Record<string, unknown>; errors: FieldErrors } {
  const input = toIncidentInput(values) as Record<string, unknown>;
  const body = Object.fromEntries(fields.map((field) => [field, input[field]]));
  const parsed = incidentUpdateSchema.safeParse({ ...body, version });
  return { body, errors: parsed.success ? {} : zodFieldErrors(parsed.error) };
}
