import { Box, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { diffRows, fieldLabel, valueText, type DiffRow } from './audit-diff.js';

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  const text = valueText(value);
  if (!text) {
    return (
      <Text fz="xs" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  const multiline = text.includes('\n') || text.length > 80;
  return (
    <Box
      component={multiline ? 'pre' : 'span'}
      fz="xs"
      m={0}
      px={6}
      py={2}
      ff={typeof value === 'object' ? 'monospace' : undefined}
      style={{
        display: 'inline-block',
        maxWidth: '100%',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        borderRadius: 4,
        background: `var(--mantine-color-${tone === 'before' ? 'red' : 'teal'}-0)`,
        color: `var(--mantine-color-${tone === 'before' ? 'red' : 'teal'}-9)`,
        textDecoration: tone === 'before' ? 'line-through' : undefined,
        textDecorationColor: 'var(--mantine-color-red-3)',
      }}
    >
      {text}
    </Box>
  );
}

function Row({ row }: { row: DiffRow }) {
  return (
    <Table.Tr>
      <Table.Td fz="xs" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
        {fieldLabel(row.field)}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>{row.change !== 'added' && <Value value={row.before} tone={row.change === 'same' ? 'after' : 'before'} />}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>{row.change !== 'removed' && row.change !== 'same' && <Value value={row.after} tone="after" />}</Table.Td>
    </Table.Tr>
  );
}

/** An audit entry's before and after, side by side: changed fields first, the rest on request. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const [all, setAll] = useState(false);
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.change !== 'same');
  const unchanged = rows.length - changed.length;
  const shown = all ? rows : changed;
  if (rows.length === 0) return <Text fz="sm" c="dimmed">Nothing recorded before or after.</Text>;

  return (
    <Box data-testid="audit-diff">
      <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="sm" layout="fixed" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => <Row key={row.field} row={row} />)}
          {shown.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}><Text fz="sm" c="dimmed">No field changed.</Text></Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {unchanged > 0 && changed.length > 0 && (
        <Button variant="subtle" size="compact-xs" mt={6} onClick={() => setAll(!all)}>
          {all ? 'Only what changed' : `Show ${unchanged} unchanged field${unchanged === 1 ? '' : 's'}`}
        </Button>
      )}
    </Box>
  );
}
