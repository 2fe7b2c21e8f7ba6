import { useEffect, useState } from 'react';

/**
 * A local draft of a server value. While the draft is untouched it follows the server (someone
 * else's save shows up); once edited it is kept until saved or explicitly replaced.
 */
export function useDraft<T>(server: T) {
  const [base, setBase] = useState(server);
  const [draft, setDraft] = useState(server);
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  const serverKey = JSON.stringify(server);
  useEffect(() => {
    if (!dirty) {
      setBase(server);
      setDraft(server);
    }
    // Only a new server value resyncs; `dirty` is read at that moment.
  }, [serverKey]);
  const reset = (value: T) => {
    setBase(value);
    setDraft(value);
  };
  return { draft, setDraft, base, dirty, reset };
}

/** Warns before the tab is closed while something typed is unsaved. */
export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
