import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconBulb, IconNotes } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NoteProposal, NotesProposals, ReviewNotes } from '../../../shared/notes/notes.schema.js';
import { conflictCurrent, isApiError } from '../../api/errors.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSession } from '../../app/session.js';
import { dropDraft, keepDraft, loadDraft } from './notes-draft.js';
import { notesApi, useAcceptProposals, useReviewNotes } from './notes-api.js';
import { NotesProposalsPanel } from './NotesProposalsPanel.js';

type Status = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict';

const statusText: Record<Status, { label: string; color: string }> = {
  saved: { label: 'Saved', color: 'teal' },
  unsaved: { label: 'Unsaved — kept in this browser', color: 'gray' },
  saving: { label: 'Saving…', color: 'blue' },
  offline: { label: 'Not saved — kept in this browser, retrying', color: 'orange' },
  conflict: { label: 'Changed elsewhere', color: 'red' },
};

const AUTOSAVE_MS = 800;
const RETRY_MS = 5000;

interface Props {
  reviewId: number;
  /** The review's incident, to refresh its timeline after accepting (optional: live events do it too). */
  incidentId?: number | null;
  /** A published review, or a viewer: the notes can be read and proposed from, not changed. */
  readOnly?: boolean;
}

/**
 * Notes first (docs/review-process.md): a notes pad for the meeting, autosaved with the revision it
 * builds on (a stale save is refused and shown, never overwritten), kept in localStorage until the
 * server has it, and read on request into review items to accept one by one or all at once.
 * Self-contained: it needs only the review's id.
 */
export function NotesPad({ reviewId, incidentId = null, readOnly: readOnlyProp = false }: Props) {
  const { canWrite } = useSession();
  const readOnly = readOnlyProp || !canWrite;
  const notes = useReviewNotes(reviewId);
  const queryClient = useQueryClient();
  const [text, setText] = useState<string | null>(null);
  const [savedText, setSavedText] = useState('');
  const [status, setStatus] = useState<Status>('saved');
  const [conflict, setConflict] = useState<ReviewNotes | null>(null);
  const [proposals, setProposals] = useState<{ result: NotesProposals; lines: string[] } | null>(null);
  const [proposing, setProposing] = useState(false);
  const [proposeError, setProposeError] = useState<string | null>(null);
  const base = useRef(0);
  const textRef = useRef('');
  const inFlight = useRef(false);
  const again = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const accept = useAcceptProposals(reviewId, incidentId);
  textRef.current = text ?? '';

  // First load: the server's notes, or this browser's unsaved draft of them; later, what others saved.
  useEffect(() => {
    const server = notes.data;
    if (!server) return;
    if (text === null) {
      const draft = loadDraft(reviewId);
      setSavedText(server.text);
      if (draft && draft.text !== server.text && !readOnly) {
        setText(draft.text);
        base.current = draft.baseRevision === server.revision ? server.revision : draft.baseRevision;
        if (draft.baseRevision !== server.revision) {
          setConflict(server);
          setStatus('conflict');
        } else setStatus('unsaved');
      } else {
        setText(server.text);
        base.current = server.revision;
        dropDraft(reviewId);
      }
      return;
    }
    if (server.revision > base.current && text === savedText && !conflict) {
      setText(server.text);
      setSavedText(server.text);
      base.current = server.revision;
    }
  }, [notes.data]);

  async function save(): Promise<void> {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    const value = textRef.current;
    try {
      const saved = await notesApi.save(reviewId, value, base.current);
      base.current = saved.revision;
      setSavedText(saved.text);
      queryClient.setQueryData(queryKeys.reviewNotes(reviewId), saved);
      if (textRef.current === saved.text) {
        dropDraft(reviewId);
        setStatus('saved');
      } else keepDraft(reviewId, { text: textRef.current, baseRevision: saved.revision });
    } catch (error) {
      const current = conflictCurrent<ReviewNotes>(error);
      if (current) {
        setConflict(current);
        setStatus('conflict');
      } else setStatus(isApiError(error) && error.code !== 'network' ? 'conflict' : 'offline');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }

  // Autosave a moment after typing stops; the draft is in localStorage from the first key.
  useEffect(() => {
    if (text === null || readOnly || conflict || text === savedText) return;
    keepDraft(reviewId, { text, baseRevision: base.current });
    setStatus((s) => (s === 'saving' ? s : 'unsaved'));
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, savedText, conflict]);

  useEffect(() => {
    if (status !== 'offline') return;
    const timer = setTimeout(() => void save(), RETRY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  function resolve(keepMine: boolean) {
    if (!conflict) return;
    base.current = conflict.revision;
    setSavedText(conflict.text);
    if (!keepMine) {
      setText(conflict.text);
      dropDraft(reviewId);
      setStatus('saved');
    }
    setConflict(null);
  }

  async function propose() {
    setProposing(true);
    setProposeError(null);
    try {
      const value = textRef.current;
      setProposals({ result: await notesApi.propose(reviewId, value), lines: value.split('\n') });
    } catch (error) {
      setProposeError(error instanceof Error ? error.message : 'The notes could not be read');
    } finally {
      setProposing(false);
    }
  }

  function showLines([from, to]: NoteProposal['sourceLines']) {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, from - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + lines.slice(from - 1, to).join('\n').length;
    el.focus();
    el.setSelectionRange(start, end);
  }

  const accepted = useMemo(
    () => new Set([...(notes.data?.acceptedIds ?? []), ...(accept.data?.accepted.map((a) => a.id) ?? []), ...(proposals?.result.proposals.filter((p) => p.accepted).map((p) => p.id) ?? [])]),
    [notes.data, accept.data, proposals],
  );
  const state = statusText[status];

  return (
    <Card component="section" id="notes" aria-labelledby="notes-heading" data-testid="notes-pad" className="hs-editor-section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap={8}>
              <IconNotes size={20} />
              <Title order={3} id="notes-heading">Notes</Title>
              {!readOnly && (
                <Badge size="sm" variant="light" color={state.color} data-testid="notes-status">
                  {state.label}
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed" mt={2} maw={640}>
              Type freely during or after the meeting. “14:05 paged the DB team” becomes a timeline entry; “AI:”, “TODO”, “risk:”, “contributing:” and bullets under “Contributors”, “What went well” or “Follow-ups” become review items — when you ask, and only those you accept.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconBulb size={16} />} loading={proposing} disabled={text === null || text.trim() === ''} onClick={() => void propose()} data-testid="notes-propose">
            Propose review items
          </Button>
        </Group>
        {conflict && (
          <Alert color="red" variant="light" title="These notes were changed elsewhere" data-testid="notes-conflict">
            <Stack gap="xs">
              <Text fz="sm">
                {conflict.updatedBy?.name ?? 'Someone'} saved revision {conflict.revision} while you were typing. Your text is kept here and in this browser; nothing was overwritten. Choose which to keep.
              </Text>
              <Text component="pre" fz="xs" m={0} p={6} style={{ maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap', background: 'var(--mantine-color-gray-0)' }}>
                {conflict.text || '(empty)'}
              </Text>
              <Group gap="xs">
                <Button size="xs" color="red" onClick={() => resolve(true)} data-testid="notes-keep-mine">Keep mine (replace theirs)</Button>
                <Button size="xs" variant="default" onClick={() => resolve(false)} data-testid="notes-use-theirs">Use theirs</Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Textarea
          ref={area}
          aria-label="Review notes"
          data-testid="notes-text"
          autosize
          minRows={8}
          maxRows={28}
          readOnly={readOnly || text === null}
          value={text ?? ''}
          placeholder={readOnly ? 'No notes yet.' : '14:05 paged DB team\n- AI: add alert on replica lag (owner: sam)\nrisk: only one person knows the failover'}
          onChange={(event) => setText(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        {proposeError && <Alert color="red" variant="light">{proposeError}</Alert>}
        {accept.isError && <Alert color="red" variant="light" data-testid="notes-accept-error">{accept.error.message}</Alert>}
        {proposals && (
          <NotesProposalsPanel
            result={proposals.result}
            lines={proposals.lines}
            accepted={accepted}
            readOnly={readOnly}
            accepting={accept.isPending}
            onAccept={(chosen) => accept.mutate(chosen)}
            onShowLines={showLines}
          />
        )}
      </Stack>
    </Card>
  );
}
