import { Alert, Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportResult } from '../../../shared/imports/import.schema.js';

type ImportedDocument = ImportResult['documents'][number];
type ImportedIncident = ImportedDocument['incidents'][number];

/** "2024-07-03T09:12:00+01:00" as written, with its offset: the instant the importer understood. */
const instant = (iso: string) => iso.replace('T', ' ').replace(/:00(?=[Z+-])/, '').replace(/Z$/, ' UTC').replace(/([+-]\d\d:\d\d)$/, ' $1');

function Listed({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text fz="sm" fw={600}>
        {label}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function IncidentPreview({ incident }: { incident: ImportedIncident }) {
  return (
    <Stack gap="sm" aria-label={`Incident ${incident.title}`} role="group">
      <Group gap="xs" wrap="wrap">
        <Title order={4}>{incident.title}</Title>
        {incident.reviewId !== null && (
          <Anchor component={Link} to={`/reviews/${incident.reviewId}`} fz="sm">
            Open review #{incident.reviewId}
          </Anchor>
        )}
      </Group>
      <Group gap="xs">
        <Text fz="sm">Day: {incident.date ?? 'unknown'}</Text>
        <Text fz="sm">Severity: {incident.severity ?? 'not stated'}</Text>
        {incident.services.map((service) => (
          <Badge key={service} variant="light" size="sm">
            {service}
          </Badge>
        ))}
      </Group>
      {incident.timeline.length > 0 && (
        <Table withTableBorder striped fz="sm" aria-label={`Timeline of ${incident.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>When</Table.Th>
              <Table.Th>What happened</Table.Th>
              <Table.Th w={60}>Line</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incident.timeline.map((entry, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {entry.occurredAt ? (
                    instant(entry.occurredAt)
                  ) : (
                    <Text span fz="sm" c="orange.9">
                      time unknown{entry.date ? ` (${entry.date})` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{entry.text}</Table.Td>
                <Table.Td>{entry.line}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Listed label="Contributing factors" items={incident.contributingFactors} />
      <Listed label="What went well" items={incident.mitigators} />
      <Listed label="Where we got lucky" items={incident.risks} />
      <Listed label="Lessons" items={incident.lessons} />
      <Listed label="Action items" items={incident.actionItems.map((item) => `${item.done ? '✓ ' : ''}${item.title}`)} />
    </Stack>
  );
}

/** One document as the importer read it (or imported it): its warnings, then each incident found. */
export function DocumentPreview({ document }: { document: ImportedDocument }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={document.name}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={700}>{document.name}</Text>
          {document.created && <Badge color="teal">Imported</Badge>}
          {document.error && <Badge color="red">Not imported</Badge>}
        </Group>
        {document.error && (
          <Alert color="red" title="Nothing was imported from this file">
            {document.error}
          </Alert>
        )}
        {document.warnings.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`${document.warnings.length} to check`}>
            <List size="sm" spacing={2}>
              {document.warnings.map((warning, i) => (
                <List.Item key={i}>
                  {warning.line !== null ? `Line ${warning.line}: ` : ''}
                  {warning.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {document.incidents.map((incident, i) => (
          <IncidentPreview key={i} incident={incident} />
        ))}
      </Stack>
    </Card>
  );
}
