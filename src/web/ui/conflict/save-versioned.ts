import { conflictCurrent } from '../../api/errors.js';

/** One field the user changed: what it was when they started, what they typed, where it lives now. */
export interface FieldChange<T> {
  key: string;
  label: string;
  base: unknown;
  mine: unknown;
  read: (current: T) => unknown;
  /** How to show a value in the conflict dialog; defaults to text. */
  format?: (value: unknown) => string;
}

export interface ConflictField {
  key: string;
  label: string;
  mine: string;
  theirs: string;
}

export type ConflictChoice = 'mine' | 'theirs' | 'cancel';
export interface ConflictRequest {
  title: string;
  fields: ConflictField[];
}
export type AskConflict = (request: ConflictRequest) => Promise<ConflictChoice>;

export type SaveOutcome<T> =
  | { outcome: 'saved'; value: T }
  /** The user took the other version: show `value`, drop the draft. */
  | { outcome: 'theirs'; value: T }
  /** The user closed the dialog: keep the draft as typed, nothing saved. */
  | { outcome: 'cancelled'; current: T };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const show = (value: unknown) => (value === null || value === undefined || value === '' ? '(empty)' : Array.isArray(value) ? value.join(', ') : String(value));

/**
 * Saves a change guarded by a version. Each change carries its `base` (the value when the user
 * started editing). Whenever the record is known to have moved on (`current`, the latest copy in
 * the cache, or the record a 409 sends back):
 * - if the other person changed none of the fields this change touches, it is sent on top of
 *   their version (a clean merge, no question asked);
 * - if they made the very same change, theirs is taken as saved;
 * - otherwise the user sees both versions and picks: keep mine (resend with the current version)
 *   or take theirs. Nothing typed is lost: cancelling leaves the draft where it was.
 */
export async function saveVersioned<T extends { version: number | null }>(options: {
  title: string;
  version: number;
  changes: FieldChange<T>[];
  send: (version: number) => Promise<T>;
  ask: AskConflict;
  /** The latest copy of the record known here, checked before sending. */
  current?: T;
}): Promise<SaveOutcome<T>> {
  const { changes, ask } = options;
  /** What to do given the record as it is now: send with a version, or stop with an outcome. */
  const against = async (current: T): Promise<{ send: number } | SaveOutcome<T>> => {
    const touched = changes.filter((c) => !same(c.read(current), c.base));
    if (touched.length > 0 && touched.every((c) => same(c.read(current), c.mine))) return { outcome: 'saved', value: current };
    if (touched.length > 0) {
      const fields = touched.map((c) => ({ key: c.key, label: c.label, mine: (c.format ?? show)(c.mine), theirs: (c.format ?? show)(c.read(current)) }));
      const choice = await ask({ title: options.title, fields });
      if (choice === 'theirs') return { outcome: 'theirs', value: current };
      if (choice === 'cancel') return { outcome: 'cancelled', current };
      // Keep mine: the user has now seen their version; the new base is what is there now.
      for (const change of changes) change.base = change.read(current);
    }
    return { send: current.version ?? options.version };
  };

  let version = options.version;
  if (options.current) {
    const next = await against(options.current);
    if (!('send' in next)) return next;
    version = next.send;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return { outcome: 'saved', value: await options.send(version) };
    } catch (error) {
      const current = conflictCurrent<T>(error);
      if (!current || current.version === null) throw error;
      const next = await against(current);
      if (!('send' in next)) return next;
      version = next.send;
    }
  }
  throw new Error('The record keeps changing under this edit; reload and try again.');
}
