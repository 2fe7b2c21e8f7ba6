import { Alert, Autocomplete, Button, FileButton, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ChangeImportResult } from '../../../shared/changes/change.schema.js';
import { Page } from '../../ui/Page.js';
import { Timestamp } from '../../ui/Timestamp.js';
import { queryKeys } from '../../api/query-keys.js';
import { changesApi, type ChangeImportInput } from './changes-api.js';
import { formatOf } from './format-of.js';

type Format = ChangeImportInput['format'];

const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

function ResultTable({ result }: { result: ChangeImportResult }) {
  return (
    <Table striped withTableBorder fz="sm" aria-label="Changes read">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Row</Table.Th>
          <Table.Th>Time</Table.Th>
          <Table.Th>Service</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Author</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.changes.map((change) => (
          <Table.Tr key={`${change.row}-${change.externalId}`}>
            <Table.Td>{change.row}</Table.Td>
            <Table.Td>
              <Timestamp value={change.occurredAt} fz="sm" />
            </Table.Td>
            <Table.Td>{change.service}</Table.Td>
            <Table.Td>{change.kind}</Table.Td>
            <Table.Td>{change.title}</Table.Td>
            <Table.Td>{change.author ?? '—'}</Table.Td>
            <Table.Td>{change.known ? 'Already imported' : change.id === null ? 'New' : 'Imported'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Paste or pick a list of deploys and changes, check what was read, then import: the suspects of incidents come from these. */
export default function ChangesImportPage() {
  const queryClient = useQueryClient();
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<Format>('csv');
  const [zone, setZone] = useState('');
  const [service, setService] = useState('');
  const [imported, setImported] = useState<ChangeImportResult | null>(null);
  const zoneList = useMemo(zones, []);

  const request = (dryRun: boolean): ChangeImportInput => ({
    format,
    content,
    dryRun,
    ...(zone.trim() ? { timeZone: zone.trim() } : {}),
    ...(service.trim() ? { service: service.trim() } : {}),
  });
  const preview = useMutation({ mutationFn: changesApi.importList });
  const run = useMutation({
    mutationFn: changesApi.importList,
    onSuccess: (result) => {
      setImported(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.changes });
    },
  });
  const edited = () => {
    setImported(null);
    preview.reset();
  };
  const pick = (file: File | null) =>
    void file?.text().then((text) => {
      setContent(text);
      setFormat(formatOf(file.name, text));
      edited();
    });

  const shown = imported ?? preview.data;
  const error = (run.error ?? preview.error) as Error | null;
  return (
    <Page
      title="Import deploys and changes"
      description="A deploy log, a CSV export or GitHub's deployments list: each change is kept once (importing the same list again adds nothing) and shown on reviews as a suspect when it happened near an incident's impact start."
      maxWidth={1100}
    >
      <Stack gap="md">
        <Group align="end" gap="md" wrap="wrap">
          <FileButton onChange={pick} accept=".csv,.json,text/csv,application/json">
            {(props) => (
              <Button variant="light" leftSection={<IconUpload size={16} />} {...props}>
                Choose a file
              </Button>
            )}
          </FileButton>
          <Select
            label="Format"
            data={[
              { value: 'csv', label: 'CSV with a header row' },
              { value: 'json', label: 'JSON list' },
              { value: 'github_deployments', label: 'GitHub deployments (REST API)' },
            ]}
            value={format}
            onChange={(value) => {
              if (value) setFormat(value as Format);
              edited();
            }}
            allowDeselect={false}
            w={260}
          />
          <Autocomplete label="Time zone of times without one" placeholder="e.g. Europe/London" data={zoneList} limit={20} value={zone} onChange={(v) => { setZone(v); edited(); }} w={240} />
          <TextInput label="Service of rows that name none" placeholder="e.g. payments-api" value={service} onChange={(e) => { setService(e.currentTarget.value); edited(); }} w={220} />
        </Group>
        <Textarea
          label="Changes"
          description="Columns or keys: time (with an offset, e.g. 2026-03-10T09:05:00Z), service, title or description, author, link, environment, id or sha, kind"
          placeholder={'time,service,description,author,link\n2026-03-10T08:48:00Z,payments-api,Release 1.4,alice,https://ci.example.com/1'}
          autosize
          minRows={6}
          maxRows={16}
          value={content}
          onChange={(e) => {
            setContent(e.currentTarget.value);
            edited();
          }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Group>
          <Button variant="default" onClick={() => preview.mutate(request(true))} loading={preview.isPending} disabled={!content.trim()}>
            Preview
          </Button>
          <Button onClick={() => run.mutate(request(false))} loading={run.isPending} disabled={imported !== null || !preview.data || preview.isPending || preview.data.changes.length === 0}>
            Import {preview.data ? `${preview.data.changes.filter((c) => !c.known).length} new` : ''} changes
          </Button>
        </Group>
        {error && (
          <Alert color="red" title="The list could not be read">
            {error.message}
          </Alert>
        )}
        {imported && (
          <Alert color="teal" title="Imported" role="status">
            {imported.created} new {imported.created === 1 ? 'change' : 'changes'} imported
            {imported.known ? `; ${imported.known} imported before were left as they were` : ''}.
          </Alert>
        )}
        {shown && (
          <Stack gap="sm" role="region" aria-label={imported ? 'Import result' : 'Preview'}>
            {!imported && (
              <Text fz="sm" c="dimmed">
                Preview: nothing has been written yet. {shown.changes.length} {shown.changes.length === 1 ? 'change' : 'changes'} read
                {shown.known ? `, ${shown.known} already imported` : ''}.
              </Text>
            )}
            {shown.problems.length > 0 && (
              <Alert color="yellow" title={`${shown.problems.length} ${shown.problems.length === 1 ? 'row was' : 'rows were'} skipped`}>
                <Stack gap={2}>
                  {shown.problems.map((problem) => (
                    <Text key={`${problem.row}-${problem.field}`} fz="sm">
                      Row {problem.row}, {problem.field}: {problem.message}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {shown.changes.length > 0 && <ResultTable result={shown} />}
          </Stack>
        )}
      </Stack>
    </Page>
  );
}
