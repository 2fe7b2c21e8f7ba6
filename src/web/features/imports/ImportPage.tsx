import { Alert, Anchor, Autocomplete, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ImportResult } from '../../../shared/imports/import.schema.js';
import { importsApi, type ImportRequestInput } from '../../api/imports.js';
import { queryKeys } from '../../api/query-keys.js';
import { Page } from '../../ui/Page.js';
import { DocumentPreview } from './DocumentPreview.js';
import { DropZone, type DroppedDocument } from './DropZone.js';

type DateOrder = NonNullable<ImportRequestInput['dateOrder']>;

const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/** Drop postmortems, check what the importer understood, set the zone or date order and look again, then import. */
export default function ImportPage() {
  const queryClient = useQueryClient();
  const [documents, setDocuments] = useState<DroppedDocument[]>([]);
  const [zone, setZone] = useState('');
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const zoneList = useMemo(zones, []);

  const request = (dryRun: boolean, docs = documents): ImportRequestInput => ({
    dryRun,
    documents: docs,
    ...(zone.trim() ? { timeZone: zone.trim() } : {}),
    ...(dateOrder ? { dateOrder } : {}),
  });
  const preview = useMutation({ mutationFn: (input: ImportRequestInput) => importsApi.run(input) });
  const run = useMutation({
    mutationFn: (input: ImportRequestInput) => importsApi.run(input),
    onSuccess: (result) => {
      setImported(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviews });
    },
  });

  const add = (dropped: DroppedDocument[]) => {
    // A file dropped again replaces the one of the same name.
    const next = [...documents.filter((d) => !dropped.some((n) => n.name === d.name)), ...dropped];
    setDocuments(next);
    setImported(null);
    preview.mutate(request(true, next));
  };
  const clear = () => {
    setDocuments([]);
    setImported(null);
    preview.reset();
  };

  const shown = imported ?? preview.data;
  const error = (run.error ?? preview.error) as Error | null;
  return (
    <Page
      title="Import postmortems"
      description="Bring in past postmortems written in Markdown or text: each becomes a resolved incident with its review, timeline, factors and action items. The original file is kept with the review."
      maxWidth={1100}
    >
      <Stack gap="lg">
        <Text fz="sm">
          Deploys and changes (CSV, JSON or GitHub deployments) are imported on their own page: <Anchor component={Link} to="/imports/changes" underline="always">Import deploys and changes</Anchor>
        </Text>
        <DropZone onDocuments={add} />
        {documents.length > 0 && (
          <Group align="end" gap="md" wrap="wrap">
            <Autocomplete
              label="Time zone of times without one"
              description="Used where a file states no zone"
              placeholder="e.g. Europe/London"
              data={zoneList}
              limit={20}
              value={zone}
              onChange={setZone}
              w={280}
            />
            <Select
              label="Dates like 5/3/24"
              description="How to read them when both could be the month"
              placeholder="As the file suggests"
              data={[
                { value: 'DMY', label: 'Day first (5 March)' },
                { value: 'MDY', label: 'Month first (May 3)' },
              ]}
              value={dateOrder}
              onChange={(value) => setDateOrder(value as DateOrder | null)}
              clearable
              w={260}
            />
            <Button variant="default" onClick={() => preview.mutate(request(true))} loading={preview.isPending} disabled={imported !== null}>
              Preview again
            </Button>
            <Button onClick={() => run.mutate(request(false))} loading={run.isPending} disabled={imported !== null || !preview.data || preview.isPending}>
              Import {documents.length} {documents.length === 1 ? 'file' : 'files'}
            </Button>
            <Button variant="subtle" color="gray" onClick={clear}>
              Clear
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" title="The files could not be read">
            {error.message}
          </Alert>
        )}
        {imported && (
          <Alert color="teal" title="Imported" role="status">
            {imported.documents.filter((d) => d.created).length} of {imported.documents.length} files imported
            {imported.documents.some((d) => !d.created && !d.error) ? '; files imported before were left as they were' : ''}. Open a review below.
          </Alert>
        )}
        {shown && (
          <Stack gap="md" aria-label={imported ? 'Import result' : 'Preview'} role="region">
            {!imported && (
              <Text fz="sm" c="dimmed">
                Preview: nothing has been written yet.
              </Text>
            )}
            {shown.documents.map((document) => (
              <DocumentPreview key={document.name} document={document} />
            ))}
          </Stack>
        )}
      </Stack>
    </Page>
  );
}
