import { Alert, Anchor, Button, Group, List, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconDownload, IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { PersonRef } from '../../../shared/accounts/person.schema.js';
import { audienceWarnings } from '../../../shared/meetings/audience-check.js';
import type { AudienceWarning, MeetingState } from '../../../shared/meetings/meeting.schema.js';
import { isApiError } from '../../api/errors.js';
import { useSession } from '../../app/session.js';
import { PeoplePicker } from '../../ui/people/PeoplePicker.js';
import { PersonPicker } from '../../ui/people/PersonPicker.js';
import { meetingsApi, useMeeting, useScheduleMeeting } from './meetings-api.js';

const userIdOf = (person: PersonRef | null) => person?.userId ?? null;

function Warnings({ warnings }: { warnings: AudienceWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="About the audience" data-testid="audience-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.kind}>
            <Text fz="sm" fw={600}>{w.message}</Text>
            <Text fz="xs" c="dimmed">{w.why}</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The schedule form: people picked from accounts, the audience check shown live, the gate's refusal with its override. */
function ScheduleForm({ reviewId, state, onDone }: { reviewId: number; state: MeetingState; onDone: () => void }) {
  const m = state.meeting;
  const zoneOf = m?.timeZone ?? state.timeZone;
  const [timeZone, setTimeZone] = useState(zoneOf);
  const [startsAt, setStartsAt] = useState(m ? DateTime.fromISO(m.startsAt).setZone(zoneOf).toFormat("yyyy-MM-dd'T'HH:mm") : '');
  const [duration, setDuration] = useState<number | string>(m?.durationMinutes ?? 60);
  const [facilitator, setFacilitator] = useState<PersonRef | null>(m?.facilitator ?? null);
  const [scribe, setScribe] = useState<PersonRef | null>(m?.scribe ?? null);
  const [attendees, setAttendees] = useState<PersonRef[]>(m?.attendees ?? []);
  const [location, setLocation] = useState(m?.location ?? '');
  const [recordingLink, setRecordingLink] = useState(m?.recordingLink ?? '');
  const [override, setOverride] = useState('');
  const schedule = useScheduleMeeting(reviewId);
  const warnings = audienceWarnings({ facilitator, scribe, attendees }, state.audience);
  const gated = isApiError(schedule.error) && schedule.error.code === 'conflict' && /async review is not complete/.test(schedule.error.message);
  const fieldError = (field: string) => (isApiError(schedule.error) ? schedule.error.errors.find((e) => e.field === field)?.message : undefined);
  const starts = startsAt ? DateTime.fromISO(startsAt, { zone: timeZone }) : null;

  const submit = (withOverride: boolean) =>
    schedule.mutate(
      {
        startsAt: starts?.isValid ? starts.toISO({ suppressMilliseconds: true })! : startsAt,
        durationMinutes: Number(duration),
        timeZone,
        facilitatorUserId: userIdOf(facilitator),
        scribeUserId: userIdOf(scribe),
        attendeeUserIds: attendees.flatMap((p) => (p.userId === null ? [] : [p.userId])),
        location: location.trim() || null,
        recordingLink: recordingLink.trim() || null,
        ...(m ? { version: m.version } : {}),
        ...(withOverride ? { override: { reason: override } } : {}),
      },
      { onSuccess: onDone },
    );

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label="Starts" description={timeZone} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} error={fieldError('startsAt')} data-testid="meeting-starts" />
        <NumberInput label="Minutes" min={5} max={480} value={duration} onChange={setDuration} error={fieldError('durationMinutes')} />
      </Group>
      <TextInput label="Time zone" value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} error={fieldError('timeZone')} />
      <PersonPicker label="Facilitator" value={facilitator} onChange={setFacilitator} allowNames={false} data-testid="meeting-facilitator" />
      <PersonPicker label="Scribe" value={scribe} onChange={setScribe} allowNames={false} />
      <PeoplePicker label="Attendees" value={attendees} onChange={setAttendees} allowNames={false} name="attendees" />
      <Warnings warnings={warnings} />
      <TextInput label="Location or video link" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      <TextInput label="Recording link" description="After the meeting, for people who could not attend" value={recordingLink} onChange={(e) => setRecordingLink(e.currentTarget.value)} error={fieldError('recordingLink')} />
      {schedule.error && !gated && !fieldError('startsAt') && <Text fz="sm" c="red">{schedule.error.message}</Text>}
      {gated ? (
        <Alert color="orange" variant="light" title="The async review is not complete" data-testid="meeting-gate">
          <Stack gap="xs">
            <Text fz="sm">{schedule.error!.message.replace(/\. To schedule the meeting anyway.*$/, '')}</Text>
            <Textarea label="Why the meeting cannot wait" value={override} onChange={(e) => setOverride(e.currentTarget.value)} data-testid="meeting-override" />
            <Group>
              <Button color="orange" disabled={!override.trim()} loading={schedule.isPending} onClick={() => submit(true)}>
                Schedule anyway
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group justify="flex-end">
          <Button onClick={() => submit(false)} loading={schedule.isPending} data-testid="meeting-save">
            {m ? 'Save' : 'Schedule'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The review meeting (F11): when, who, the audience check, the invitation to download. */
export function MeetingPanel({ reviewId, readOnly }: { reviewId: number; readOnly: boolean }) {
  const { canWrite } = useSession();
  const state = useMeeting(reviewId);
  const [open, setOpen] = useState(false);
  const data = state.data;
  const m = data?.meeting;
  return (
    <Stack gap="xs" data-testid="meeting">
      <Group justify="space-between">
        <Text fz="sm" fw={600}>The meeting</Text>
        {/* A published review keeps its meeting, but the recording link can still be shared. */}
        {canWrite && data && (!readOnly || m) && (
          <Button size="compact-sm" variant="default" leftSection={<IconCalendarEvent size={14} />} onClick={() => setOpen(true)} data-testid="schedule-meeting">
            {readOnly ? 'Share the recording' : m ? 'Reschedule' : 'Schedule meeting'}
          </Button>
        )}
      </Group>
      {m ? (
        <>
          <Text fz="sm" data-testid="meeting-when">
            {DateTime.fromISO(m.startsAt).setZone(m.timeZone).toFormat('ccc d LLL yyyy, HH:mm')} ({m.timeZone}), {m.durationMinutes} minutes
            {m.facilitator ? ` · facilitator ${m.facilitator.name}` : ''}
            {m.scribe ? ` · scribe ${m.scribe.name}` : ''}
          </Text>
          {m.recordingLink && <Anchor href={m.recordingLink} fz="sm" target="_blank" rel="noreferrer">Recording</Anchor>}
          <Warnings warnings={data.warnings} />
          <Anchor href={meetingsApi.invitationUrl(reviewId)} download fz="sm" data-testid="meeting-ics">
            <Group gap={4}>
              <IconDownload size={14} /> Download invitation (.ics)
            </Group>
          </Anchor>
        </>
      ) : (
        <Text fz="sm" c="dimmed">Not scheduled yet. The meeting follows the async review.</Text>
      )}
      {!readOnly && (
        <Button component={Link} to={`/reviews/${reviewId}/meeting`} size="compact-sm" variant="light" leftSection={<IconPresentation size={14} />} data-testid="open-meeting-mode" style={{ alignSelf: 'flex-start' }}>
          Open meeting mode
        </Button>
      )}
      {data && (
        <Modal opened={open} onClose={() => setOpen(false)} title={m ? 'Reschedule the meeting' : 'Schedule the meeting'} size="lg">
          <ScheduleForm reviewId={reviewId} state={data} onDone={() => setOpen(false)} />
        </Modal>
      )}
    </Stack>
  );
}
