import { reviewStateLabels } from '../../shared/reviews/workflow.js';
import { Badge, type BadgeProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Role } from '../../shared/accounts/roles.js';
import type { IncidentStatus, ReviewState, Severity } from '../../shared/incidents/incident.schema.js';

const severityColor: Record<Severity, string> = { sev1: 'red', sev2: 'orange', sev3: 'yellow', sev4: 'gray' };
const severityLabel: Record<Severity, string> = { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4' };

export function SeverityBadge({ severity, ...props }: { severity: Severity } & BadgeProps) {
  return (
    <Badge color={severityColor[severity]} variant={severity === 'sev1' ? 'filled' : 'light'} miw={52} {...props}>
      {severityLabel[severity]}
    </Badge>
  );
}

const statusColor: Record<IncidentStatus, string> = { active: 'red', mitigated: 'yellow', resolved: 'teal' };
const statusLabel: Record<IncidentStatus, string> = { active: 'Active', mitigated: 'Mitigated', resolved: 'Resolved' };

export function StatusBadge({ status, ...props }: { status: IncidentStatus } & BadgeProps) {
  return (
    <Badge color={statusColor[status]} variant="dot" {...props}>
      {statusLabel[status]}
    </Badge>
  );
}

export const reviewStateLabel = reviewStateLabels;
const reviewStateColor: Record<ReviewState, string> = { draft: 'gray', in_review: 'blue', ready_for_meeting: 'violet', meeting_held: 'grape', published: 'teal' };

export function ReviewStateBadge({ state, ...props }: { state: ReviewState } & BadgeProps) {
  return (
    <Badge color={reviewStateColor[state]} {...props}>
      {reviewStateLabel[state]}
    </Badge>
  );
}

export function OverdueBadge(props: BadgeProps) {
  return (
    <Badge color="red" variant="filled" {...props}>
      Overdue
    </Badge>
  );
}

const roleColor: Record<Role, string> = { viewer: 'gray', responder: 'blue', admin: 'hindsight' };
export const roleLabel: Record<Role, string> = { viewer: 'Viewer', responder: 'Responder', admin: 'Admin' };

export function RoleBadge({ role, ...props }: { role: Role } & BadgeProps) {
  return (
    <Badge color={roleColor[role]} variant={role === 'admin' ? 'filled' : 'light'} {...props}>
      {roleLabel[role]}
    </Badge>
  );
}

/** Visible only to its members and admins. */
export function RestrictedBadge(props: BadgeProps) {
  return (
    <Badge color="dark" variant="filled" leftSection={<IconLock size={12} stroke={2} />} {...props}>
      Restricted
    </Badge>
  );
}
