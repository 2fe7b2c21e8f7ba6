import type { NoteKind } from './note-lines.js';

/** FNV-1a over UTF-16 code units, with a seed: pure and the same in the browser and on the server. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A proposal's identity: its kind, the lines it came from and its text. Accepting remembers it, so
 * a second click (or a second browser) does not create the same item twice; editing the line makes
 * a new proposal.
 */
export function proposalId(kind: NoteKind, lines: readonly [number, number], text: string): string {
  const key = `${kind}\u0000${lines[0]}-${lines[1]}\u0000${text.replace(/\s+/g, ' ').trim().toLowerCase()}`;
  return `${kind.slice(0, 2)}-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01000193 ^ 0x5bd1e995)}`;
}
