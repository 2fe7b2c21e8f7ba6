import { Anchor, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar, IconDownload, IconTable } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { toCsv } from '../../../shared/trends/csv.js';

export interface Cell {
  value: string | number | null;
  /** Shown instead of the value (a formatted duration); the CSV keeps the value. */
  display?: string;
  /** The incidents behind the number. */
  to?: string;
}

export interface TrendTable {
  header: string[];
  rows: Cell[][];
}

const cell = (value: Cell['value'], to?: string, display?: string): Cell => ({ value, ...(to ? { to } : {}), ...(display ? { display } : {}) });
export { cell };

function download(name: string, table: TrendTable) {
  const csv = toCsv(table.header, table.rows.map((row) => row.map((c) => c.value)));
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart with its numbers: switch to the table, download them as CSV. */
export function ChartCard({ title, description, name, table, children, aside, testId }: { title: string; description?: ReactNode; name: string; table: TrendTable; children: ReactNode; aside?: ReactNode; testId?: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card withBorder padding="lg" radius="md" data-testid={testId} aria-label={title} component="section">
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="md">
            {title}
          </Title>
          {description && (
            <Text fz="xs" c="dimmed" maw={560}>
              {description}
            </Text>
          )}
        </Stack>
        <Group gap={6} wrap="nowrap" className="hs-no-print">
          {aside}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            aria-label={`${title}: chart or table`}
            data={[
              { value: 'chart', label: <Group gap={4} wrap="nowrap"><IconChartBar size={13} aria-hidden />Chart</Group> },
              { value: 'table', label: <Group gap={4} wrap="nowrap"><IconTable size={13} aria-hidden />Table</Group> },
            ]}
          />
          <Button size="compact-xs" variant="default" leftSection={<IconDownload size={13} />} onClick={() => download(name, table)} aria-label={`Download ${title} as CSV`}>
            CSV
          </Button>
        </Group>
      </Group>
      {view === 'chart' ? children : <NumbersTable table={table} />}
    </Card>
  );
}

export function NumbersTable({ table }: { table: TrendTable }) {
  return (
    <Table.ScrollContainer minWidth={400} mah={360}>
      <Table striped highlightOnHover fz="sm" stickyHeader verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {table.header.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((c, i) => (
                <Table.Td key={i} ta={i === 0 ? 'left' : 'right'} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.to ? (
                    <Anchor component={Link} to={c.to} fz="sm">
                      {c.display ?? c.value ?? '–'}
                    </Anchor>
                  ) : (
                    (c.display ?? c.value ?? '–')
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A headline number with its explanation. */
export function Stat({ label, value, hint, color }: { label: string; value: string; hint?: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
