import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { SeverityBadge, StatusBadge } from '../../ui/badges.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { ReviewMarker } from './ReviewMarker.js';

export const startedAt = (i: Incident) => i.impactStartedAt ?? i.detectedAt ?? i.createdAt;

function TitleCell({ incident }: { incident: Incident }) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        {incident.restricted && (
          <Tooltip label="Restricted: only its members and admins can see it">
            <IconLock size={15} stroke={2} aria-label="Restricted" role="img" data-testid="restricted-icon" style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-dark-4)" />
          </Tooltip>
        )}
        <Text component={Link} to={`/incidents/${incident.id}`} className="hs-link" fw={600} fz="sm" lineClamp={2}>
          {incident.title}
        </Text>
      </Group>
      <Group gap={4}>
        <Text fz="xs" c="dimmed" className="hs-tabular" mr={2}>
          #{incident.id}
        </Text>
        {incident.userFacing && (
          <Badge size="xs" color="grape" variant="light">
            User-facing
          </Badge>
        )}
        {incident.services.map((s) => (
          <Badge key={`s-${s}`} size="xs" color="gray" variant="light">
            {s}
          </Badge>
        ))}
        {incident.labels.map((l) => (
          <Badge key={`l-${l}`} size="xs" color="hindsight" variant="outline">
            {l}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

export function IncidentsTable({ incidents }: { incidents: Incident[] }) {
  return (
    <Table highlightOnHover horizontalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={76}>Severity</Table.Th>
          <Table.Th>Incident</Table.Th>
          <Table.Th w={118}>Status</Table.Th>
          <Table.Th w={150}>Started</Table.Th>
          <Table.Th w={130}>Commander</Table.Th>
          <Table.Th w={190}>Review</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {incidents.map((incident) => (
          <Table.Tr key={incident.id} data-testid="incident-row">
            <Table.Td>
              <SeverityBadge severity={incident.severity} />
            </Table.Td>
            <Table.Td>
              <TitleCell incident={incident} />
            </Table.Td>
            <Table.Td>
              <StatusBadge status={incident.status} />
            </Table.Td>
            <Table.Td>
              <Timestamp value={startedAt(incident)} fz="sm" />
            </Table.Td>
            <Table.Td>
              <Text fz="sm" c={incident.commander ? undefined : 'dimmed'} lineClamp={1}>
                {incident.commander?.name ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <ReviewMarker incident={incident} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
