import { incidentCreateSchema, keyTimestamps, type IncidentCreateInput, type IncidentStatus, type KeyTimestamp, type Severity } from '../../../shared/incidents/incident.schema.js';
import { zodFieldErrors, type FieldErrors } from '../../ui/field-errors.js';
import { fromLocalInput } from '../../ui/format.js';

/** What the form holds while typing: plain strings, datetime-local values for the key timestamps. */
export interface IncidentFormValues {
  title: string;
  severity: Severity;
  userFacing: boolean;
  status: IncidentStatus;
  services: string[];
  labels: string[];
  commander: string;
  responders: string[];
  customerImpact: string;
  /** Visible only to its members (the creator is one) and admins. */
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
  commander: '',
  responders: [],
  customerImpact: '',
  restricted: false,
  times: { impactStartedAt: '', detectedAt: '', respondedAt: '', mitigatedAt: '', resolvedAt: '' },
};

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
    commander: values.commander.trim() || null,
    responders: values.responders,
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
