/**
 * Every autosaved field on the page reports here whether what it shows is saved, so the editor's
 * bar can say "All changes saved" or "Saving…", and closing the tab warns while something is not.
 */
import { useEffect, useSyncExternalStore } from 'react';

export type FieldSaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'held' | 'incoming';

export interface AutosaveSummary {
  /** Fields whose text is not saved yet (waiting, failed, kept after a conflict, or changed by someone else meanwhile). */
  unsaved: number;
  saving: boolean;
  failed: number;
  attention: number;
}

type Listener = () => void;
const states = new Map<string, FieldSaveState>();
const listeners = new Set<Listener>();
let summary: AutosaveSummary = { unsaved: 0, saving: false, failed: 0, attention: 0 };

function recompute(): void {
  const values = [...states.values()];
  summary = {
    unsaved: values.filter((s) => s !== 'saved').length,
    saving: values.includes('saving'),
    failed: values.filter((s) => s === 'failed').length,
    attention: values.filter((s) => s === 'held' || s === 'incoming').length,
  };
  for (const listener of listeners) listener();
}

export function reportFieldState(id: string, state: FieldSaveState | null): void {
  if (state === null || state === 'saved') {
    if (!states.has(id)) return;
    states.delete(id);
  } else {
    if (states.get(id) === state) return;
    states.set(id, state);
  }
  recompute();
}

const subscribe = (listener: Listener) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useAutosaveSummary = (): AutosaveSummary => useSyncExternalStore(subscribe, () => summary);

/** Warns before the tab is closed or reloaded while a field is not saved. */
export function useUnsavedFieldsWarning(): void {
  const { unsaved } = useAutosaveSummary();
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
