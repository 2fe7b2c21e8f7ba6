import { ActionIcon, Alert, Avatar, Badge, Box, Button, Center, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconClock, IconDoorExit, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router';
import { meetingStageNames, meetingStages, type MeetingMode } from '../../../shared/meetings/meeting-mode.schema.js';
import { useLiveStatus, useOnScreen, usePresence } from '../../app/live/use-live.js';
import { useSession } from '../../app/session.js';
import { useFactors, useReview, useReviewActionItems } from '../reviews/use-review.js';
import { useTimeline } from '../timeline/use-timeline.js';
import { AddedInMeeting, MeetingInlineAdd, MeetingOutboxList } from './MeetingInlineAdd.js';
import { MeetingNotesPane } from './MeetingNotesPane.js';
import { NotesPad } from '../notes/NotesPad.js';
import { MeetingStageView, type Queue } from './MeetingStageView.js';
import { sendOutboxItem, useMeetingMode, useMoveMeeting } from './meeting-mode-api.js';
import { MeetingOutbox, outboxStorageKey } from './meeting-outbox.js';
import { formatElapsed, meetingSteps, stepFrom, type MeetingStep } from './meeting-steps.js';

const RETRY_MS = 4000;

/** The stage's time so far, from the server's start of it (so every browser shows the same). */
function StageTimer({ mode }: { mode: MeetingMode }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The browser's clock against the server's, measured when the state was read.
  const offset = useMemo(() => Date.parse(mode.serverTime) - Date.now(), [mode.serverTime]);
  if (mode.status !== 'running' || !mode.stageStartedAt) return null;
  return (
    <Badge size="lg" variant="white" color="dark" radius="sm" leftSection={<IconClock size={14} />} data-testid="meeting-timer" title="Time in this stage" styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { fontVariantNumeric: 'tabular-nums', overflow: 'visible' } }}>
      {formatElapsed(now + offset - Date.parse(mode.stageStartedAt))}
    </Badge>
  );
}

function StageSteps({ mode }: { mode: MeetingMode }) {
  const at = meetingStages.indexOf(mode.stage);
  return (
    <Group gap={2} wrap="nowrap" data-testid="meeting-stages" style={{ flexShrink: 0 }}>
      {meetingStages.map((stage, i) => (
        <Box
          key={stage}
          px={9}
          py={4}
          data-active={stage === mode.stage ? 'true' : 'false'}
          style={{
            borderRadius: 999,
            fontSize: 13,
            fontWeight: stage === mode.stage ? 650 : 500,
            whiteSpace: 'nowrap',
            background: stage === mode.stage ? 'white' : 'transparent',
            color: stage === mode.stage ? 'var(--mantine-color-hindsight-8)' : i < at ? 'rgba(255,255,255,0.85)' : 'rgba(255,255,255,0.55)',
          }}
        >
          {meetingStageNames[stage]}
        </Box>
      ))}
    </Group>
  );
}

function Presence({ reviewId }: { reviewId: number }) {
  const people = usePresence(reviewId);
  return (
    <Tooltip label={people.map((p) => p.name).join(', ') || 'Nobody else yet'}>
      <Avatar.Group spacing={8} data-testid="meeting-presence">
        {people.slice(0, 6).map((p) => (
          <Avatar key={`${p.userId ?? p.name}`} size={30} radius="xl" color="hindsight" variant="white" name={p.name} data-name={p.name} />
        ))}
        {people.length > 6 && <Avatar size={30} radius="xl">+{people.length - 6}</Avatar>}
      </Avatar.Group>
    </Tooltip>
  );
}

/** The live connection's state, and "offline" while the browser says it has no network (a socket may not notice at once). */
function useConnected(): string | null {
  const status = useLiveStatus();
  const online = useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
  return online ? status : 'offline';
}

/** The browser's outbox of inline edits for this review: sent now, again when the connection is back, and every few seconds while any wait. */
function useOutbox(reviewId: number) {
  const outbox = useMemo(() => new MeetingOutbox(window.localStorage, outboxStorageKey(reviewId), sendOutboxItem), [reviewId]);
  const state = useSyncExternalStore(outbox.subscribe, outbox.get);
  const status = useLiveStatus();
  useEffect(() => {
    if (status === 'open') void outbox.flush();
  }, [status, outbox]);
  useEffect(() => {
    const retry = () => void outbox.flush();
    window.addEventListener('online', retry);
    const timer = state.pending.length ? setInterval(retry, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener('online', retry);
      if (timer) clearInterval(timer);
    };
  }, [outbox, state.pending.length]);
  return { outbox, ...state };
}

/**
 * Meeting mode (F11, /reviews/:id/meeting): the review meeting on every attendee's screen. The
 * facilitator moves (arrow keys, or the buttons); everyone follows through meeting.moved events;
 * anyone who may edit adds inline, through the review's own APIs, so leaving loses nothing.
 * The scribe's notes are the review's notes pad (Notes first), beside the walk.
 */
export default function MeetingModePage() {
  const reviewId = Number(useParams().id);
  const navigate = useNavigate();
  const { canWrite } = useSession();
  const review = useReview(reviewId);
  const incidentId = review.data?.incidentId ?? 0;
  const mode = useMeetingMode(reviewId);
  const timeline = useTimeline(incidentId);
  const factors = useFactors(reviewId);
  const items = useReviewActionItems(reviewId);
  const move = useMoveMeeting(reviewId);
  const live = useConnected();
  const { outbox, pending, refused } = useOutbox(reviewId);
  useOnScreen(reviewId, incidentId || null);

  const entries = useMemo(() => (timeline.data ?? []).filter((e) => !e.deleted), [timeline.data]);
  const steps = useMemo(() => meetingSteps(entries.map((e) => e.id)), [entries]);
  const m = mode.data;
  const leave = () => void navigate(`/reviews/${reviewId}`);
  const go = (step: MeetingStep | null) => step && m && move.mutate({ stage: step.stage, entryId: step.entryId });
  const goRef = useRef({ go, m, steps });
  goRef.current = { go, m, steps };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, [contenteditable="true"], [role="dialog"]');
      if (event.key === 'Escape' && !typing) return leave();
      const { go: step, m: now, steps: path } = goRef.current;
      if (typing || !now?.canFacilitate || now.status !== 'running') return;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') step(stepFrom(path, now, 1));
      if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') step(stepFrom(path, now, -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reviewId]);

  const queue: Queue = (item) => void outbox.add(item);

  if (review.isError || mode.isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text>This review is not available to you.</Text>
          <Button variant="default" onClick={() => void navigate('/reviews')}>Back to reviews</Button>
        </Stack>
      </Center>
    );
  }
  if (!review.data || !m) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  }
  const r = review.data;
  const running = m.status === 'running';
  const facilitator = m.facilitator?.name ?? 'the facilitator';
  return (
    <Box data-testid="meeting-mode" data-stage={m.stage} data-entry={m.entryId ?? ''} data-status={m.status} style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: 'var(--mantine-color-gray-0)' }}>
      <Box px="lg" py={10} style={{ background: 'linear-gradient(90deg, #2e2a83, #4338ca)', color: 'white', position: 'sticky', top: 0, zIndex: 10 }}>
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text fz={11} fw={700} tt="uppercase" truncate="end" style={{ letterSpacing: 1, opacity: 0.75 }}>Facilitated by {facilitator}</Text>
            <Text fz="md" fw={650} truncate="end" data-testid="meeting-title">{r.incidentTitle}</Text>
          </Stack>
          <StageSteps mode={m} />
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <StageTimer mode={m} />
            <Presence reviewId={reviewId} />
            <Tooltip label={live === 'open' ? 'Live' : 'Reconnecting… what you add is kept and sent when back'}>
              <Box w={10} h={10} data-testid="meeting-connection" data-status={live ?? 'none'} style={{ borderRadius: 99, background: live === 'open' ? '#4ade80' : '#fbbf24', boxShadow: '0 0 0 3px rgba(255,255,255,0.15)' }} />
            </Tooltip>
            <Button size="xs" variant="white" color="dark" leftSection={<IconDoorExit size={14} />} onClick={leave} data-testid="meeting-leave" title="Leave meeting mode (Esc): everything added is in the review" style={{ flexShrink: 0 }}>
              Leave
            </Button>
          </Group>
        </Group>
      </Box>

      {m.status === 'ended' && (
        <Alert color="teal" radius={0} data-testid="meeting-ended" title="The meeting has ended">
          Everything added during the meeting is in the review.{' '}
          <Button size="compact-xs" variant="light" onClick={leave}>Back to the review</Button>
        </Alert>
      )}
      {m.status === 'not_started' && !m.canFacilitate && (
        <Alert color="hindsight" radius={0} data-testid="meeting-waiting">Waiting for {facilitator} to start the meeting. You follow along automatically.</Alert>
      )}

      <Box style={{ flex: 1, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 380px', gap: 24 }} px="lg" py="lg">
        <Stack gap="md" style={{ minWidth: 0 }}>
          <Box bg="white" p="xl" style={{ borderRadius: 12, border: '1px solid var(--mantine-color-gray-3)', minHeight: 420 }}>
            <MeetingStageView mode={m} review={r} entries={entries} factors={factors.data ?? []} items={items.data ?? []} queue={queue} canWrite={canWrite} />
          </Box>
          {m.canFacilitate && (
            <Group justify="space-between" data-testid="meeting-controls">
              {running ? (
                <>
                  <Group gap="xs">
                    <ActionIcon size="lg" variant="default" aria-label="Back" onClick={() => go(stepFrom(steps, m, -1))} disabled={!stepFrom(steps, m, -1)} data-testid="meeting-prev">
                      <IconArrowLeft size={18} />
                    </ActionIcon>
                    <Button leftSection={<IconArrowRight size={16} />} onClick={() => go(stepFrom(steps, m, 1))} disabled={!stepFrom(steps, m, 1)} data-testid="meeting-next">
                      Next
                    </Button>
                    <Text fz="xs" c="dimmed">← → move everyone · Esc leaves</Text>
                  </Group>
                  <Button variant="subtle" color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => move.mutate({ status: 'ended', stage: m.stage, entryId: m.entryId })} data-testid="meeting-end">
                    End meeting
                  </Button>
                </>
              ) : (
                <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => move.mutate({ stage: m.status === 'ended' ? m.stage : 'summary', entryId: m.status === 'ended' ? m.entryId : null })} data-testid="meeting-start">
                  {m.status === 'ended' ? 'Resume the meeting' : 'Start the meeting'}
                </Button>
              )}
            </Group>
          )}
          {move.isError && <Text c="red" fz="sm">{move.error.message}</Text>}
        </Stack>
        <Stack gap="md">
          {canWrite && <MeetingInlineAdd reviewId={reviewId} mode={m} queue={queue} />}
          <MeetingOutboxList pending={pending} refused={refused} onDismiss={(key) => outbox.dismiss(key)} />
          <AddedInMeeting mode={m} factors={factors.data ?? []} items={items.data ?? []} />
          <MeetingNotesPane reviewId={reviewId} scribe={m.scribe?.name ?? null}>
            <NotesPad reviewId={reviewId} incidentId={incidentId || null} />
          </MeetingNotesPane>
        </Stack>
      </Box>
    </Box>
  );
}
