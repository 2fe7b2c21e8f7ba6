import { Alert, Button, Drawer, FileInput, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ChatImportRequest, ChatImportResult } from '../../../shared/imports/chat/chat-import.schema.js';
import type { Incident } from '../../../shared/incidents/incident.schema.js';
import { importsApi } from '../../api/imports.js';
import { queryKeys } from '../../api/query-keys.js';
import { timelineApi } from '../../api/timeline.js';
import { fromLocalInput, localDayKey, toLocalInput, userTimeZone } from '../../ui/format.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ChatPicker } from './ChatPicker.js';

type Format = ChatImportRequest['format'];
const HOUR = 3_600_000;

/** A file as base64, in chunks (a large export would overflow the arguments of one String.fromCharCode call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The window defaults to an hour either side of the impact (or detection) to the resolution. */
const around = (iso: string | null, deltaMs: number) => (iso ? toLocalInput(new Date(Date.parse(iso) + deltaMs).toISOString()) : '');

/** Chat messages (a pasted transcript or a Slack export) proposed as timeline entries; the kept ones link back to their messages. */
export function ChatImportDrawer({ incident, opened, onClose }: { incident: Incident; opened: boolean; onClose: () => void }) {
  const start = incident.impactStartedAt ?? incident.detectedAt;
  const [format, setFormat] = useState<Format>('transcript');
  const [text, setText] = useState('');
  const [archive, setArchive] = useState<File | null>(null);
  const [channel, setChannel] = useState('');
  const [day, setDay] = useState(localDayKey(start ?? incident.createdAt));
  const [from, setFrom] = useState(around(start, -HOUR));
  const [to, setTo] = useState(around(incident.resolvedAt, HOUR));
  const [result, setResult] = useState<ChatImportResult | null>(null);
  const read = useSubmission();
  const add = useSubmission();
  const queryClient = useQueryClient();

  const propose = (event: FormEvent) => {
    event.preventDefault();
    return read.run(async () => {
      const window = { ...(from ? { from: fromLocalInput(from)! } : {}), ...(to ? { to: fromLocalInput(to)! } : {}), timeZone: userTimeZone };
      const request: ChatImportRequest =
        format === 'transcript'
          ? { format, text, ...(day ? { date: day } : {}), ...window }
          : format === 'slack_api'
            ? { format, ...(channel.trim() ? { channel: channel.trim() } : {}), ...window }
            : { format, archive: archive ? await base64Of(archive) : '', ...(channel.trim() ? { channel: channel.trim() } : {}), ...window };
      setResult(await importsApi.chat(request));
    });
  };

  const keep = (chosen: ChatImportResult['entries']) =>
    add.run(async () => {
      await timelineApi.createMany(incident.id, chosen.map((proposal) => proposal.entry));
      await queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incident.id) });
      setResult(null);
      onClose();
    });

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size={640} title={<Text fw={650}>Import from chat</Text>}>
      <Stack gap="md">
        <form onSubmit={(event) => void propose(event)} noValidate>
          <Stack gap="sm">
            <SegmentedControl
              value={format}
              onChange={(value) => setFormat(value as Format)}
              data={[
                { value: 'transcript', label: 'Paste a transcript' },
                { value: 'slack_export', label: 'Slack export (.zip)' },
                { value: 'slack_api', label: 'Slack channel' },
              ]}
            />
            {format === 'transcript' ? (
              <>
                <Textarea label="Chat transcript" description="Copied from Slack, Teams or IRC, as it is" autosize minRows={6} maxRows={14} value={text} onChange={(e) => setText(e.currentTarget.value)} error={read.errors.text} />
                <TextInput type="date" label="Day of the messages" description="For lines that give only a time" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={read.errors.date} />
              </>
            ) : format === 'slack_api' ? (
              <TextInput
                label="Slack channel id"
                description="Its id (C0123…, in the channel's details); the app's Slack bot must be in the channel. Threads are read too."
                value={channel}
                onChange={(e) => setChannel(e.currentTarget.value)}
                error={read.errors.channel ?? read.errors.format}
              />
            ) : (
              <>
                <FileInput label="Slack export" accept=".zip,application/zip" placeholder="Choose the export archive" value={archive} onChange={setArchive} error={read.errors.archive} clearable />
                <TextInput label="Channel" description="Its folder in the archive; empty for every channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)} error={read.errors.channel} />
              </>
            )}
            <Group grow>
              <TextInput type="datetime-local" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={read.errors.from} />
              <TextInput type="datetime-local" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={read.errors.to} />
            </Group>
            {read.message && <Alert color="red">{read.message}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" variant={result ? 'default' : 'filled'} loading={read.busy !== null}>
                Read messages
              </Button>
            </Group>
          </Stack>
        </form>
        {result && (
          <>
            {result.warnings.map((warning) => (
              <Alert key={warning} color="yellow">
                {warning}
              </Alert>
            ))}
            <ChatPicker proposals={result.entries} adding={add.busy !== null} onAdd={(chosen) => void keep(chosen)} />
            {add.message && <Alert color="red">{add.message}</Alert>}
          </>
        )}
      </Stack>
    </Drawer>
  );
}
