/**
 * One saving model for every field of the editors: what you type is saved by itself a moment after
 * you stop (or at once when you leave the field, or press Ctrl+S), with its state always shown and
 * the last save undoable. A field being edited is never overwritten under the cursor: when someone
 * else saves it meanwhile, your text stays, the field says who changed it and offers theirs, and
 * saving waits until you choose. A conflict the server reports (409) asks the same question in the
 * conflict dialog; nothing typed is lost either way.
 */
import { useCallback, useEffect, useId, useReducer, useRef } from 'react';
import type { EventActor } from '../../../shared/events/domain-events.js';
import { useChangeLookup, useEditingSignal } from '../../app/live/use-live.js';
import { formLevelError, serverFieldErrors } from '../field-errors.js';
import { useAskConflict } from '../conflict/ConflictProvider.js';
import { reportFieldState, type FieldSaveState } from './autosave-registry.js';

/** What a save did: saved (the value as stored), the user took the other version, or kept theirs unsaved. */
export type FieldSaveOutcome<T> = { outcome: 'saved'; value: T } | { outcome: 'theirs'; value: T } | { outcome: 'cancelled' };

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string }
  /** The conflict dialog was closed: the text is kept, unsaved, until the next edit or "Save now". */
  | { kind: 'held' };

export interface Incoming<T> {
  value: T;
  by: EventActor | null;
}

export interface AutosaveOptions<T> {
  /** The value as saved now (from the query cache; live updates refresh it). */
  server: T;
  /** Saves `value`, edited from `base`; may ask the conflict dialog. Throws to report a failure. */
  save: (value: T, base: T) => Promise<FieldSaveOutcome<T>>;
  /** What the field is called in the conflict dialog. */
  label: string;
  /** Where events record who changed it (api/live-changes.ts), and the presence name of the field. */
  changeKey: string | null;
  presenceField: string;
  /** Milliseconds after the last change; 0 saves each change at once (selects, pickers). */
  delay?: number;
  /** A message when the value cannot be saved as it is (checked before sending). */
  validate?: (value: T) => string | null;
  readOnly?: boolean;
  format?: (value: T) => string;
}

/** Values as the server stores them: it trims text, so a trailing space is not a change (and is not taken away while typing). */
const normalised = (value: unknown): unknown =>
  typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map(normalised) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)])) : (value ?? null);
const valueKey = (value: unknown) => JSON.stringify(normalised(value));
const same = (a: unknown, b: unknown) => valueKey(a) === valueKey(b);
const defaultFormat = (value: unknown) => (value === null || value === undefined || value === '' ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value));

interface FieldState<T> {
  draft: T;
  base: T;
  focused: boolean;
  incoming: Incoming<T> | null;
  status: AutosaveStatus;
  /** The value before the edit in progress began, and the one to go back to after it was saved. */
  sessionStart: T | null;
  undoTo: T | null;
  /** The last value this field saved: when the server echoes it, it is ours, not someone else's. */
  ownSave: string | null;
  inFlight: boolean;
  again: boolean;
}

export function useAutosavedField<T>(options: AutosaveOptions<T>) {
  const { server, delay = 1000 } = options;
  const opts = useRef(options);
  opts.current = options;
  const [, render] = useReducer((n: number) => n + 1, 0);
  const state = useRef<FieldState<T>>({
    draft: server,
    base: server,
    focused: false,
    incoming: null,
    status: { kind: 'idle' },
    sessionStart: null,
    undoTo: null,
    ownSave: null,
    inFlight: false,
    again: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ask = useAskConflict();
  const whoChanged = useChangeLookup();
  const signal = useEditingSignal(options.presenceField);
  const registryId = useId();
  const s = state.current;
  const dirty = !same(s.draft, s.base);

  const update = (patch: Partial<FieldState<T>>) => {
    Object.assign(state.current, patch);
    render();
  };

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const st = state.current;
    const { validate, readOnly } = opts.current;
    if (readOnly || st.incoming) return;
    if (st.inFlight) {
      st.again = true;
      return;
    }
    if (same(st.draft, st.base)) return update({ status: st.status.kind === 'pending' ? { kind: 'idle' } : st.status });
    const invalid = validate?.(st.draft) ?? null;
    if (invalid) return update({ status: { kind: 'failed', message: invalid } });
    const sent = st.draft;
    const startedFrom = st.sessionStart;
    update({ inFlight: true, again: false, status: { kind: 'saving' } });
    try {
      const result = await opts.current.save(sent, st.base);
      const now = state.current;
      if (result.outcome === 'cancelled') return update({ inFlight: false, status: { kind: 'held' } });
      if (result.outcome === 'theirs') return update({ inFlight: false, draft: result.value, base: result.value, incoming: null, sessionStart: null, status: { kind: 'idle' } });
      const typedMeanwhile = !same(now.draft, sent);
      update({
        inFlight: false,
        base: result.value,
        // What is on screen stays as typed when the server stored the same (e.g. trimmed).
        draft: typedMeanwhile || same(now.draft, result.value) ? now.draft : result.value,
        ownSave: valueKey(result.value),
        undoTo: startedFrom !== null && !same(startedFrom, result.value) ? startedFrom : now.undoTo,
        status: typedMeanwhile ? { kind: 'pending' } : { kind: 'saved' },
      });
      if (typedMeanwhile || now.again) schedule(0);
    } catch (error) {
      const message = Object.values(serverFieldErrors(error))[0] ?? formLevelError(error, {}) ?? 'Not saved';
      update({ inFlight: false, status: { kind: 'failed', message } });
    }
  }, []);

  const schedule = (ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), ms);
  };

  // The saved value moved: follow it when nothing is being edited here, otherwise keep what is
  // typed and say someone else changed it.
  const serverKey = valueKey(server);
  useEffect(() => {
    const st = state.current;
    if (same(server, st.base)) return;
    const isDirty = !same(st.draft, st.base);
    if (st.ownSave === serverKey || same(server, st.draft)) {
      update({ base: server, draft: isDirty ? st.draft : server, incoming: null });
      return;
    }
    if (!isDirty && !st.focused) {
      update({ base: server, draft: server, incoming: null, status: { kind: 'idle' }, undoTo: null });
      return;
    }
    clearTimeout(timer.current);
    const changed = opts.current.changeKey;
    update({ incoming: { value: server, by: changed ? (whoChanged(changed)?.actor ?? null) : null } });
    // Only a new server value decides this; the rest is read from the ref.
  }, [serverKey]);

  // What the editor's bar and the unsaved-work warning count.
  const fieldState: FieldSaveState = s.incoming ? 'incoming' : s.status.kind === 'saving' ? 'saving' : s.status.kind === 'failed' ? 'failed' : s.status.kind === 'held' ? 'held' : dirty ? 'pending' : 'saved';
  useEffect(() => reportFieldState(registryId, fieldState), [registryId, fieldState]);
  useEffect(() => () => {
    clearTimeout(timer.current);
    reportFieldState(registryId, null);
    // Leaving the page with typed text: save it on the way out (the conflict dialog still guards it).
    const st = state.current;
    if (!st.incoming && !st.inFlight && !same(st.draft, st.base) && !opts.current.readOnly) void save();
  }, [registryId, save]);

  const setValue = (value: T) => {
    const st = state.current;
    update({ draft: value, sessionStart: st.sessionStart ?? st.base, status: st.incoming ? st.status : { kind: 'pending' } });
    if (!st.incoming && !opts.current.readOnly) schedule(delay);
  };

  const takeTheirs = () => {
    const st = state.current;
    if (!st.incoming) return;
    clearTimeout(timer.current);
    update({ draft: st.incoming.value, base: st.incoming.value, incoming: null, sessionStart: null, status: { kind: 'idle' } });
  };

  /** Keeps this text over theirs: they have been seen, so the save goes on top of their version. */
  const keepMine = () => {
    const st = state.current;
    if (!st.incoming) return;
    update({ base: st.incoming.value, incoming: null });
    void save();
  };

  const compare = async () => {
    const st = state.current;
    if (!st.incoming) return;
    const format = opts.current.format ?? defaultFormat;
    const who = st.incoming.by?.name ?? 'Someone else';
    const choice = await ask({ title: `${who} changed ${opts.current.label.toLowerCase()}`, fields: [{ key: opts.current.presenceField, label: opts.current.label, mine: format(st.draft), theirs: format(st.incoming.value) }] });
    if (choice === 'theirs') takeTheirs();
    if (choice === 'mine') keepMine();
  };

  const undo = () => {
    const st = state.current;
    if (st.undoTo === null || st.incoming) return;
    update({ draft: st.undoTo, undoTo: null, sessionStart: null, status: { kind: 'pending' } });
    void save();
  };

  const inputProps = {
    onFocus: () => {
      state.current.focused = true;
      signal.onFocus();
    },
    onBlur: () => {
      const st = state.current;
      st.focused = false;
      signal.onBlur();
      if (st.incoming && same(st.draft, st.base)) takeTheirs();
      else if (!same(st.draft, st.base)) void save();
      st.sessionStart = null;
    },
    onKeyDown: (event: { key: string; metaKey: boolean; ctrlKey: boolean; preventDefault: () => void }) => {
      const saveKey = event.key === 's' || event.key === 'S' || event.key === 'Enter';
      if (saveKey && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        void save();
      }
    },
  };

  return {
    value: s.draft,
    setValue,
    dirty,
    status: s.status,
    incoming: s.incoming,
    canUndo: s.undoTo !== null && !s.incoming && !dirty,
    takeTheirs,
    keepMine,
    compare: () => void compare(),
    saveNow: () => void save(),
    undo,
    inputProps,
  };
}

export type AutosavedField<T> = ReturnType<typeof useAutosavedField<T>>;
