import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';

export interface DroppedDocument {
  name: string;
  content: string;
}

const ACCEPT = '.md,.markdown,.mdx,.txt,text/markdown,text/plain';
const isText = (file: File) => /\.(?:md|markdown|mdx|txt)$/i.test(file.name) || file.type.startsWith('text/');

const readAll = (files: File[]): Promise<DroppedDocument[]> => Promise.all(files.filter(isText).map(async (file) => ({ name: file.name, content: await file.text() })));

/** Drop one or many postmortems here, or pick them; only text files are read. */
export function DropZone({ onDocuments }: { onDocuments: (documents: DroppedDocument[]) => void }) {
  const [over, setOver] = useState(false);
  const take = (files: File[]) => void readAll(files).then((documents) => documents.length > 0 && onDocuments(documents));
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(Array.from(event.dataTransfer.files));
  };
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      data-testid="import-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-0)' : undefined }}
    >
      <Stack align="center" gap="xs">
        <IconUpload size={28} stroke={1.5} aria-hidden />
        <Text fw={600}>Drop postmortems here</Text>
        <Text fz="sm" c="dimmed">
          Markdown or text files (.md, .txt), one or many. Nothing is written until you import.
        </Text>
        <Group>
          <FileButton onChange={(files) => take(files)} accept={ACCEPT} multiple>
            {(props) => (
              <Button variant="light" {...props}>
                Choose files
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
