/**
 * Cheap sentence splitting over the whole text. Running compromise on a 5,000-word review
 * costs ~200 ms, so we split with one regular expression first and only hand the few
 * sentences that contain a trigger word to the part-of-speech tagger.
 */

export interface TextSpan {
  text: string;
  /** UTF-16 offset of text[0] in the original string. */
  start: number;
}

// A sentence ends at . ! ? followed by whitespace, at a line break, or at a Markdown table cell;
// not at the period of an initial ("Peter W. failed") or of a common abbreviation ("e.g.", "Dr.").
// A single line break before a lowercase word is a hard-wrapped paragraph, not a new sentence.
const BOUNDARY = /(?<!(?:^|[\s(])(?:\p{Lu}|e\.g|i\.e|etc|vs|approx|Mr|Mrs|Ms|Dr|St))[.!?]+["')\]]*(?=\s)|\n[ \t]*(?:\n\s*)+|\n(?![ \t]*\p{Ll})|\|/gu;

export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const keepsPunctuation = /^[.!?]/.test(match[0]);
    const end = match.index + (keepsPunctuation ? match[0].length : 0);
    pushTrimmed(text, start, end, spans);
    start = match.index + match[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, from: number, to: number, spans: TextSpan[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start });
}
