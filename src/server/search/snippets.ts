import type { SnippetSegment } from '../../shared/search/search.schema.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../db/search-dialect.js';

/** A marked extract as segments; null when nothing in it is highlighted (the field did not match). */
export function snippetSegments(marked: string | null | undefined): SnippetSegment[] | null {
  if (!marked || !marked.includes(HIGHLIGHT_START)) return null;
  const segments: SnippetSegment[] = [];
  const push = (text: string, highlight: boolean) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous && previous.highlight === highlight) previous.text += text;
    else segments.push({ text, highlight });
  };
  for (const [i, part] of marked.split(HIGHLIGHT_START).entries()) {
    if (i === 0) {
      push(part.replaceAll(HIGHLIGHT_END, ''), false);
      continue;
    }
    const end = part.indexOf(HIGHLIGHT_END);
    if (end === -1) push(part, true);
    else {
      push(part.slice(0, end), true);
      push(part.slice(end + 1).replaceAll(HIGHLIGHT_END, ''), false);
    }
  }
  return segments.some((segment) => segment.highlight) ? segments : null;
}
