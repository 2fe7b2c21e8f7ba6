/** Keyboard shortcuts, documented in the `?` overlay. Single keys, so never while typing. */
export type ShortcutAction = { kind: 'help' } | { kind: 'palette' } | { kind: 'new-entry' } | { kind: 'section'; index: number };

export const shortcutList: Array<{ keys: string; does: string }> = [
  { keys: '?', does: 'Show these shortcuts' },
  { keys: '/ or Ctrl K', does: 'Search reviews (⌘ K on a Mac)' },
  { keys: 'n', does: 'New timeline entry (in a review)' },
  { keys: '1 – 9', does: 'Jump to a section of the review' },
  { keys: 'Esc', does: 'Close a dialog or drawer' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focus is in a text field, a select or an editable element: keys are text there. */
  typing: boolean;
}

export function shortcutAction(press: KeyPress): ShortcutAction | null {
  // Ctrl-K / Cmd-K is a chord, so it opens the search palette even from a text field.
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') return { kind: 'palette' };
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === '?') return { kind: 'help' };
  if (press.key === '/') return { kind: 'palette' };
  if (press.key === 'n' || press.key === 'N') return { kind: 'new-entry' };
  if (/^[1-9]$/.test(press.key)) return { kind: 'section', index: Number(press.key) - 1 };
  return null;
}

/** Whether an element takes typed text, so single-key shortcuts must leave it alone. */
export function isTypingTarget(el: { tagName?: string; isContentEditable?: boolean; getAttribute?: (name: string) => string | null } | null): boolean {
  if (!el?.tagName) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag !== 'input') return el.getAttribute?.('role') === 'combobox';
  const type = (el.getAttribute?.('type') ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
