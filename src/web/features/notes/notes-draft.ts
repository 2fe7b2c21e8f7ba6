/**
 * What is typed in the notes pad is kept in this browser until the server has it, so a dropped
 * connection or a closed tab loses nothing: the text and the revision it was based on.
 */
export interface NotesDraft {
  text: string;
  baseRevision: number;
}

const keyOf = (reviewId: number) => `hindsight.notes.${reviewId}`;

export function loadDraft(reviewId: number): NotesDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(reviewId));
    const value = raw ? (JSON.parse(raw) as Partial<NotesDraft>) : null;
    return value && typeof value.text === 'string' && typeof value.baseRevision === 'number' ? { text: value.text, baseRevision: value.baseRevision } : null;
  } catch {
    return null;
  }
}

export function keepDraft(reviewId: number, draft: NotesDraft): void {
  try {
    window.localStorage.setItem(keyOf(reviewId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the autosave still runs.
  }
}

export function dropDraft(reviewId: number): void {
  try {
    window.localStorage.removeItem(keyOf(reviewId));
  } catch {
    // nothing kept
  }
}
